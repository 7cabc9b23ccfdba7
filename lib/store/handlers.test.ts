import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { contentToBackground, popupToBackground } from '../messages/protocol';
import { closeDb } from './clip-store';
import { contentToBackgroundHandlers as content, popupToBackgroundHandlers as popup } from './handlers';
import { sampleClip } from './sample-clip';

const sender = { tabId: 3, url: 'https://www.gov.cn/a.htm' };

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
});

describe('background handlers', () => {
  it('answer every popup message in the shape the protocol promises', async () => {
    const page = 'https://www.gov.cn/a.htm';
    const clips = [sampleClip({ url: page, exact: '1%' }), sampleClip({ url: page, exact: '2%' }), sampleClip({ exact: '3%' })];
    const replies = {
      putClips: await popup.putClips({ clips }, sender),
      listClips: await popup.listClips({}, sender),
      deleteClip: await popup.deleteClip({ id: clips[2].id }, sender),
      clearPage: await popup.clearPage({ url: page }, sender),
      setSiteSettings: await popup.setSiteSettings({ site: 'www.gov.cn', autoHighlight: false }, sender),
      getSiteSettings: await popup.getSiteSettings({ site: 'www.gov.cn' }, sender),
    };
    for (const [type, reply] of Object.entries(replies)) {
      expect(popupToBackground[type as keyof typeof popupToBackground].response.parse(reply)).toEqual(reply);
    }
    expect(replies.putClips).toEqual({ stored: 3 });
    expect(replies.listClips.clips).toHaveLength(3);
    expect(replies.deleteClip).toEqual({ deleted: true });
    expect(replies.clearPage).toEqual({ deleted: 2 });
    expect(replies.getSiteSettings).toEqual({ site: 'www.gov.cn', autoHighlight: false });
    expect(await popup.listClips({}, sender)).toEqual({ clips: [] });
  });

  it('answer every content script message in the shape the protocol promises', async () => {
    const clip = sampleClip();
    const replies = {
      putClip: await content.putClip({ clip }, sender),
      clipsForPage: await content.clipsForPage({ url: clip.url }, sender),
      getSiteSettings: await content.getSiteSettings({ site: clip.site }, sender),
      deleteClip: await content.deleteClip({ id: 'c_none' }, sender),
    };
    for (const [type, reply] of Object.entries(replies)) {
      expect(contentToBackground[type as keyof typeof contentToBackground].response.parse(reply)).toEqual(reply);
    }
    expect(replies.putClip).toEqual({ clip });
    expect(replies.clipsForPage).toEqual({ clips: [clip] });
    expect(replies.getSiteSettings).toEqual({ site: clip.site, autoHighlight: true });
    expect(replies.deleteClip).toEqual({ deleted: false });
  });
});
