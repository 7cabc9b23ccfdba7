/** The figure table's filters: free text (simplified and traditional alike), role, dimension, clipped; grouping by section. */
import { DIMENSIONS, type Dimension } from '../../lib/extract/types';
import { t } from '../../lib/i18n';
import { ROLES, type Role } from '../../lib/model/role';
import type { TableFilter } from './figure-table';

export interface TableToolbarProps {
  filter: TableFilter;
  onFilter: (filter: TableFilter) => void;
  bySection: boolean;
  onBySection: (on: boolean) => void;
  /** Dimensions present on the page (the filter offers only these). */
  dimensions: ReadonlySet<Dimension>;
}

export function TableToolbar({ filter, onFilter, bySection, onBySection, dimensions }: TableToolbarProps) {
  return (
    <section class="panel-filters" aria-label={t('panel.filter.label')}>
      <input
        type="search"
        class="panel-search"
        data-testid="filter-text"
        value={filter.text}
        placeholder={t('panel.filter.textHint')}
        aria-label={t('panel.filter.text')}
        onInput={(e) => onFilter({ ...filter, text: (e.currentTarget as HTMLInputElement).value })}
      />
      <select
        data-testid="filter-role"
        aria-label={t('panel.filter.role')}
        value={filter.role}
        onChange={(e) => onFilter({ ...filter, role: (e.currentTarget as HTMLSelectElement).value as Role | 'all' })}
      >
        <option value="all">{t('panel.filter.allRoles')}</option>
        {ROLES.map((role) => (
          <option value={role}>{t(`common.role.${role}`)}</option>
        ))}
      </select>
      <select
        data-testid="filter-dimension"
        aria-label={t('panel.filter.dimension')}
        value={filter.dimension}
        onChange={(e) => onFilter({ ...filter, dimension: (e.currentTarget as HTMLSelectElement).value as Dimension | 'all' })}
      >
        <option value="all">{t('panel.filter.allDimensions')}</option>
        {DIMENSIONS.filter((d) => dimensions.has(d) || d === filter.dimension).map((d) => (
          <option value={d}>{t(`common.dimension.${d}`)}</option>
        ))}
      </select>
      <select
        data-testid="filter-clipped"
        aria-label={t('panel.filter.clipped')}
        value={filter.clipped}
        onChange={(e) => onFilter({ ...filter, clipped: (e.currentTarget as HTMLSelectElement).value as TableFilter['clipped'] })}
      >
        <option value="all">{t('panel.filter.allClipped')}</option>
        <option value="clipped">{t('panel.filter.onlyClipped')}</option>
        <option value="unclipped">{t('panel.filter.onlyUnclipped')}</option>
      </select>
      <label class="panel-check">
        <input
          type="checkbox"
          data-testid="group-by-section"
          checked={bySection}
          onChange={(e) => onBySection((e.currentTarget as HTMLInputElement).checked)}
        />
        {t('panel.filter.bySection')}
      </label>
    </section>
  );
}
