/** The viewer's way to the clip store: through the background, as every extension page goes. */
import { askBackground } from '../../lib/messages/bus';
import type { Clip } from '../../lib/model/clip';

export interface ClipPort {
  clipsOf(url: string): Promise<Clip[]>;
  put(clip: Clip): Promise<void>;
  remove(id: string): Promise<void>;
}

export const backgroundClipPort: ClipPort = {
  async clipsOf(url) {
    const clips: Clip[] = [];
    let cursor: string | undefined;
    do {
      const page = await askBackground('clips.list', { page: url, limit: 2000, ...(cursor ? { cursor } : {}) });
      clips.push(...page.clips);
      cursor = page.next;
    } while (cursor);
    return clips;
  },
  async put(clip) {
    await askBackground('clips.put', { clips: [clip] });
  },
  async remove(id) {
    await askBackground('clips.delete', { ids: [id] });
  },
};
