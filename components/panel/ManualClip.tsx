/**
 * A clip made by hand from the reader's selection (摘录为指标), shown when the side panel opens on
 * it: its sentence with the selected text marked, and the corrections form, so the reader can
 * complete what the selection did not say (the value where no number was read, the unit, a label).
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { Clip } from '../../lib/model/clip';
import { pageKey } from '../../lib/model/page';
import type { UiPort } from '../port/ui-port';
import { ClipEditor } from './ClipEditor';
import { SentenceText } from './SentenceText';
import './manual-clip.css';

export interface ManualClipProps {
  port: UiPort;
  /** The tab whose page holds the clip. */
  tabId: number;
  clipId: string;
  onClose: () => void;
}

/** The clip `clipId` of the page in tab `tabId`, from the store. */
async function findClip(port: UiPort, tabId: number, clipId: string): Promise<Clip | null> {
  const status = await port.pageStatus(tabId);
  let cursor: string | undefined;
  // A page has few clips; the loop only guards against a very long list.
  for (let i = 0; i < 10; i++) {
    const page = await port.listClips({ page: pageKey(status.url), limit: 500, ...(cursor ? { cursor } : {}) });
    const found = page.clips.find((c) => c.id === clipId);
    if (found) return found;
    if (!page.next) return null;
    cursor = page.next;
  }
  return null;
}

export function ManualClip({ port, tabId, clipId, onClose }: ManualClipProps) {
  const [clip, setClip] = useState<Clip | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setClip(undefined);
    findClip(port, tabId, clipId).then(
      (found) => live && setClip(found),
      () => live && setClip(null),
    );
    return () => {
      live = false;
    };
  }, [port, tabId, clipId]);

  if (clip === undefined) return null;
  return (
    <section class="manual-clip" aria-labelledby="manual-clip-title" data-testid="manual-clip" data-clip-id={clipId}>
      <h2 id="manual-clip-title">{t('manual.panel.title')}</h2>
      {clip === null ? (
        <p class="zb-muted" data-testid="manual-clip-missing">
          {t('manual.panel.missing')}
        </p>
      ) : (
        <>
          <p class="zb-muted">{t('manual.panel.hint')}</p>
          <SentenceText sentence={clip.sentence} figure={clip.anchor.exact} />
          {clip.indicator.value === undefined && (
            <p class="edit-error" data-testid="manual-clip-no-value">
              {t('manual.panel.noValue')}
            </p>
          )}
          <ClipEditor clip={clip} port={port} onSaved={setClip} />
        </>
      )}
      <button type="button" data-testid="manual-clip-close" onClick={onClose}>
        {t('manual.panel.close')}
      </button>
    </section>
  );
}
