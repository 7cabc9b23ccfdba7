// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';

// The real port talks to the browser; here the popup gets a fake background with an unanalysable active tab.
vi.mock('../../components/port/bus-port', async () => {
  const { fakePort } = await import('../../components/popup/fake-port');
  return { busPort: fakePort({ clips: [], pages: new Map(), tabs: [], active: { id: 1, url: 'chrome://newtab/' } }) };
});

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
