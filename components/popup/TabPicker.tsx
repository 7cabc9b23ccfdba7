/**
 * Opened as a full tab, the popup works on a page the user picks from the open ones. Each option's
 * value is the page title (made unique with the tab id only when two pages share a title), so
 * scripts and people can choose a page by what it is called.
 */
import { t } from '../../lib/i18n';
import type { PageCandidate } from './page-target';

export interface TabPickerProps {
  candidates: PageCandidate[];
  selected?: number;
  onSelect: (tabId: number) => void;
  onRefresh: () => void;
}

function labelOf(candidate: PageCandidate): string {
  return candidate.status.title || candidate.status.url;
}

export function optionValue(candidate: PageCandidate, all: PageCandidate[]): string {
  const label = labelOf(candidate);
  const shared = all.some((other) => other.tabId !== candidate.tabId && labelOf(other) === label);
  return shared ? `${label} [${candidate.tabId}]` : label;
}

export function TabPicker({ candidates, selected, onSelect, onRefresh }: TabPickerProps) {
  const current = candidates.find((c) => c.tabId === selected);
  const choose = (value: string) => {
    const chosen = candidates.find((c) => optionValue(c, candidates) === value);
    if (chosen) onSelect(chosen.tabId);
  };
  return (
    <div class="tab-picker">
      <label>
        <span class="tab-picker-label">{t('popup.tabs.label')}</span>
        <select
          data-testid="tab-picker"
          value={current ? optionValue(current, candidates) : ''}
          disabled={candidates.length === 0}
          onChange={(e) => choose(e.currentTarget.value)}
        >
          {candidates.length === 0 && <option value="">{t('popup.tabs.none')}</option>}
          {candidates.map((c) => (
            <option key={c.tabId} value={optionValue(c, candidates)} data-tab-id={String(c.tabId)} title={c.status.url}>
              {labelOf(c)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="link-button" data-testid="refresh-tabs" onClick={onRefresh}>
        {t('popup.tabs.refresh')}
      </button>
    </div>
  );
}
