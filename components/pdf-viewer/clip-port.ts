/** The viewer's way to the clip store: through the background, as the popup goes. */
import { sendToBackground } from '../../lib/messages/bus';
import type { Clip } from '../../lib/store/clip-schema';

export interface ClipPort {
  clipsOf(url: string): Promise<Clip[]>;
  put(clip: Clip): Promise<void>;
  remove(id: string): Promise<void>;
}

export const backgroundClipPort: ClipPort = {
  async clipsOf(url) {
    const { clips } = await sendToBackground('popup->background', 'listClips', {});
    return clips.filter((clip) => clip.url === url);
  },
  async put(clip) {
    await sendToBackground('popup->background', 'putClips', { clips: [clip] });
  },
  async remove(id) {
    await sendToBackground('popup->background', 'deleteClip', { id });
  },
};
