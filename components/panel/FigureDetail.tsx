/** The selected figure: its section and sentence (the figure marked), and its corrections once clipped. */
import { t } from '../../lib/i18n';
import type { UiPort } from '../port/ui-port';
import { ClipEditor } from './ClipEditor';
import type { TableRow } from './figure-table';
import { SentenceText } from './SentenceText';

export function FigureDetail({ row, port, onSaved }: { row: TableRow; port: UiPort; onSaved?: () => void }) {
  return (
    <section class="figure-detail" aria-label={t('panel.detail.label')} data-testid="figure-detail">
      {row.heading && (
        <p class="zb-muted" data-testid="detail-heading">
          {row.heading}
        </p>
      )}
      <SentenceText sentence={row.sentence} figure={row.indicator.text} />
      {row.clip ? (
        // Keyed by the clip: choosing another row gives a new editor, never one that shows (and would save to) the last.
        <ClipEditor key={row.clip.id} clip={row.clip} port={port} onSaved={onSaved} />
      ) : (
        <p class="zb-muted">{t(row.clipped ? 'panel.detail.clipElsewhere' : 'panel.detail.clipToEdit')}</p>
      )}
    </section>
  );
}
