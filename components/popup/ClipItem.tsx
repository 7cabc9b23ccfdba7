/** One clip: label, figure (as written and normalised), role, when it was clipped, and its sentence with the figure marked. */
import { currentLocale, t } from '../../lib/i18n';
import type { Clip } from '../../lib/model/clip';
import { formatFigure } from '../../lib/model/format';
import { formatDateTime } from '../shared/format';
import { RoleBadge } from '../shared/RoleBadge';
import { sentenceSegments } from './clip-view';

export function ClipItem({ clip, onDelete }: { clip: Clip; onDelete: (id: string) => void }) {
  const { indicator } = clip;
  const normalised = formatFigure(indicator, currentLocale());
  return (
    <li class={`clip-item role-${indicator.role}`} data-testid="clip-item" data-clip-id={clip.id} data-url={clip.url} data-role={indicator.role}>
      <div class="clip-head">
        <span class="clip-label" data-testid="clip-label">
          {indicator.label}
        </span>
        <RoleBadge figureRole={indicator.role} class="clip-role" testId="clip-role" />
        <button
          type="button"
          class="clip-delete link-button"
          data-testid="clip-delete"
          aria-label={t('popup.clip.deleteLabel', { label: indicator.label || indicator.text })}
          onClick={() => onDelete(clip.id)}
        >
          {t('popup.clip.delete')}
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
      <time class="clip-time" data-testid="clip-time" dateTime={clip.clippedAt}>
        {t('popup.clip.clippedAt', { date: formatDateTime(clip.clippedAt) })}
      </time>
    </li>
  );
}
