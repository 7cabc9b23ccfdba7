/**
 * Clips, optionally under one heading per page. Renders the first PAGE_SIZE items only, with a
 * button for more, so thousands of clips do not slow the popup down.
 */
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { Clip } from '../../lib/model/clip';
import { ClipItem } from './ClipItem';

export const PAGE_SIZE = 200;

export interface ClipGroup {
  key: string;
  clips: Clip[];
  /** Shown as a heading when set. */
  heading?: { title: string; url: string };
}

function PageHeading({ title, url, count }: { title: string; url: string; count: number }) {
  // Stored urls come from pages or imported files: only web addresses become links.
  const linkable = /^https?:\/\//i.test(url);
  return (
    <div class="group-heading">
      <h3 class="group-title">{title || t('popup.group.untitled')}</h3>
      <div class="group-meta">
        {linkable ? (
          <a class="group-url" href={url} target="_blank" rel="noopener noreferrer">
            {url}
          </a>
        ) : (
          <span class="group-url">{url}</span>
        )}
        <span class="group-count">{t('popup.group.count', { count })}</span>
      </div>
    </div>
  );
}

export function ClipList({ groups, onDelete, emptyText }: { groups: ClipGroup[]; onDelete: (id: string) => void; emptyText: string }) {
  const [limit, setLimit] = useState(PAGE_SIZE);
  const total = groups.reduce((n, g) => n + g.clips.length, 0);
  if (total === 0) return <p class="empty">{emptyText}</p>;

  let budget = limit;
  const shown: ClipGroup[] = [];
  for (const group of groups) {
    if (budget <= 0) break;
    const clips = group.clips.slice(0, budget);
    budget -= clips.length;
    shown.push({ ...group, clips, heading: group.heading });
  }
  const hidden = total - Math.min(total, limit);

  return (
    <div class="clip-list">
      {shown.map((group, gi) => (
        <div class="clip-group" key={group.key}>
          {group.heading && <PageHeading title={group.heading.title} url={group.heading.url} count={groups[gi].clips.length} />}
          <ul class="clips">
            {group.clips.map((clip) => (
              <ClipItem key={clip.id} clip={clip} onDelete={onDelete} />
            ))}
          </ul>
        </div>
      ))}
      {hidden > 0 && (
        <button type="button" class="show-more" data-testid="show-more" onClick={() => setLimit((n) => n + PAGE_SIZE)}>
          {t('popup.showMore', { count: hidden })}
        </button>
      )}
    </div>
  );
}
