/** One clip: label, figure (as written and normalised), role, and its sentence with the figure marked. */
import type { Clip } from '../lib/model/clip';
import { t } from '../lib/i18n';
import { formatFigure } from '../lib/model/format';
import { sentenceSegments } from './clip-view';

export function ClipItem({ clip, onDelete }: { clip: Clip; onDelete: (id: string) => void }) {
  const { indicator } = clip;
  const normalised = formatFigure(indicator);
  return (
    <li class={`clip-item role-${indicator.role}`} data-testid="clip-item" data-clip-id={clip.id} data-url={clip.url} data-role={indicator.role}>
      <div class="clip-head">
        <span class="clip-label" data-testid="clip-label">
          {indicator.label}
        </span>
        <span class={`clip-role role-badge role-${indicator.role}`} data-testid="clip-role" data-role={indicator.role}>
          {t(`common.role.${indicator.role}`)}
        </span>
        <button
          type="button"
          class="clip-delete link-button"
          data-testid="clip-delete"
          aria-label={`删除摘录 ${indicator.label || indicator.text}`}
          onClick={() => onDelete(clip.id)}
        >
          删除
        </button>
      </div>
      <div class="clip-figure" data-testid="clip-figure">
        <span class="figure-written">{indicator.text}</span>
        {normalised !== indicator.text && <span class="figure-normalised">{normalised}</span>}
      </div>
      <p class="clip-sentence" data-testid="clip-sentence">
        {sentenceSegments(clip).map((segment, i) => (segment.figure ? <mark key={i}>{segment.text}</mark> : segment.text))}
      </p>
      {clip.section && <p class="clip-section">{clip.section}</p>}
    </li>
  );
}
