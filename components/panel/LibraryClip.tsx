/** One stored clip in the library: label, figure, role, when; its corrections on demand; delete with undo. */
import { useState } from 'preact/hooks';
import { currentLocale, t } from '../../lib/i18n';
import type { Clip } from '../../lib/model/clip';
import { formatFigure } from '../../lib/model/format';
import type { UiPort } from '../port/ui-port';
import { ClipEditor } from './ClipEditor';
import { formatTime } from './OrphanList';
import { SentenceText } from './SentenceText';

export function LibraryClip({ clip, port, onDelete }: { clip: Clip; port: UiPort; onDelete: (clip: Clip) => void }) {
  const [editing, setEditing] = useState(false);
  const ind = clip.indicator;
  const name = `${ind.label} ${ind.text}`.trim();
  const editorId = `lib-edit-${clip.id}`;
  return (
    <li class={`library-clip role-${ind.role}`} data-testid="library-clip" data-clip-id={clip.id}>
      <div class="library-clip-head">
        <strong data-testid="library-label">{ind.label}</strong>
        <span data-testid="library-figure">{formatFigure(ind, currentLocale())}</span>
        <span class={`role-badge role-${ind.role}`}>{t(`common.role.${ind.role}`)}</span>
        {clip.edited?.length ? <span class="edited-badge">{t('panel.edited')}</span> : null}
        <span class="zb-muted">{formatTime(clip.clippedAt)}</span>
        <button
          type="button"
          class="link-button"
          data-testid="library-edit"
          aria-expanded={editing}
          aria-controls={editorId}
          aria-label={t('panel.action.editClip', { figure: name })}
          onClick={() => setEditing(!editing)}
        >
          {t('panel.action.edit')}
        </button>
        <button
          type="button"
          class="link-button"
          data-testid="library-delete"
          aria-label={t('panel.action.deleteClip', { figure: name })}
          onClick={() => onDelete(clip)}
        >
          {t('panel.action.delete')}
        </button>
      </div>
      <SentenceText sentence={clip.sentence} figure={clip.anchor.exact} />
      {clip.note && <p class="zb-muted">{clip.note}</p>}
      <div id={editorId}>{editing && <ClipEditor clip={clip} port={port} />}</div>
    </li>
  );
}
