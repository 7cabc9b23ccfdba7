// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../lib/messages/bus', () => ({
  sendToBackground: vi.fn(async () => ({ clips: [] })),
  sendToTab: vi.fn(async () => {
    throw new Error('Could not establish connection. Receiving end does not exist.');
  }),
  activeTab: vi.fn(async () => ({ id: 1, url: 'chrome://newtab/' })),
  allTabs: vi.fn(async () => []),
  ownTab: vi.fn(async () => undefined),
  extensionOrigin: vi.fn(() => 'chrome-extension://test/'),
}));

describe('popup entrypoint', () => {
  it('renders the popup into #app of its page', async () => {
    const html = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'index.html'), 'utf8');
    expect(html).toContain('<div id="app"></div>');
    expect(html).toContain('src="./main.tsx"');
    document.body.innerHTML = '<div id="app"></div>';
    await act(async () => {
      await import('./main');
    });
    const app = document.getElementById('app')!;
    expect(app.querySelector('[data-testid="search"]')).not.toBeNull();
    expect(app.querySelector('[data-testid="all-clips"]')).not.toBeNull();
  });
});
