/**
 * Runs inside Chromium (bundled by panel-bench.ts): the side panel against the mock port with a
 * large page and a large store, timed with the browser's own clock and frames. It offers its
 * steps as `window.__zbPanelSteps`; the bench calls them one at a time, so it can read the main
 * thread's CPU time around each (a fresh page per scenario: every first render is a cold one).
 */
import { render } from 'preact';
import { PanelApp } from '../../../components/panel/PanelApp';
import { createMockPort, mockStatus } from '../../../components/port/mock-port';
import type { FigureRow } from '../../../components/port/ui-port';
import { DIMENSIONS, ROLES } from '../../../lib/extract/types';
import type { Clip } from '../../../lib/model/clip';
import '../../../components/panel/panel.css';

const URL_ = 'https://www.gov.cn/zhengce/big.htm';
const LABELS = ['国内生产总值', '城镇新增就业', '粮食产量', '计划总投资', '森林覆盖率', '居民人均可支配收入', '单位GDP能耗', '研发经费投入强度'];

function figures(n: number): Omit<FigureRow, 'clipIds'>[] {
  return Array.from({ length: n }, (_, i) => {
    const label = `${LABELS[i % LABELS.length]}${i}`;
    const text = `${(i * 7) % 1000}万吨`;
    return {
      key: `k${i}`,
      order: i,
      heading: `第${Math.floor(i / 50)}章`,
      sentence: `${label}达到${text}，比上年增长${i % 13}%。`,
      indicator: { text, value: ((i * 7) % 1000) * 1e4, unit: '吨', dimension: DIMENSIONS[i % DIMENSIONS.length], role: ROLES[i % 3], label },
    };
  });
}

/** Resolves after the browser has painted the current state (the frame after the next one starts). */
const painted = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 0));
}

let mounted: { port: ReturnType<typeof createMockPort>; portMs: () => number; answeredAt: () => number } | undefined;

/**
 * Fills the mock port: a page of `figureCount` figures, `clippedOnPage` of them clipped, a store of
 * `storeClips`; each answer arrives `answerMs` after the question, as the background's do. Not timed.
 */
function prepare(figureCount: number, storeClips: number, clippedOnPage: number, answerMs = 0): void {
  document.body.innerHTML = '<div id="app" style="height: 800px; width: 420px"></div>';
  const port = createMockPort({ tabs: [{ tab: { tabId: 1 }, status: mockStatus(URL_), figures: figures(figureCount) }], active: 1, ui: { locale: 'zh-CN' } });
  for (let i = 0; i < clippedOnPage; i++) {
    const clip = port.clipOfFigure(1, `k${i}`);
    port.clips.set(clip.id, clip);
  }
  const template = clippedOnPage ? port.clipOfFigure(1, 'k0') : undefined;
  for (let i = 0; port.clips.size < storeClips; i++) {
    const other: Clip = { ...(template ?? port.clipOfFigure(1, 'k0')), id: `c_other${i}`, url: `https://www.gov.cn/p${i % 500}.htm` };
    port.clips.set(other.id, other);
  }
  let portMs = 0;
  let answeredAt = 0;
  const timed = ['pageStatus', 'pageFigures', 'listClips'];
  for (const name of ['activeTab', 'ownTab', 'uiSettings', ...timed] as const) {
    const real = (port as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[name].bind(port);
    (port as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      if (answerMs > 0) await new Promise((r) => setTimeout(r, answerMs));
      const t0 = performance.now();
      try {
        return await real(...args);
      } finally {
        // The mock's own work (building the page's rows, paging the store), not the wait for the answer.
        if (timed.includes(name)) portMs += performance.now() - t0;
        answeredAt = performance.now();
      }
    };
  }
  mounted = { port, portMs: () => portMs, answeredAt: () => answeredAt };
}

/** Opens the panel: from render() to the first rows painted. */
async function mount(): Promise<{ readyMs: number; portMs: number; paintMs: number; afterAnswerMs: number; firstRows: number }> {
  performance.mark('zb-mount-start');
  const start = performance.now();
  render(<PanelApp port={mounted!.port} />, document.getElementById('app')!);
  await until(() => document.querySelectorAll('[data-testid="figure-row"]').length > 0);
  const rowsAt = performance.now();
  await painted();
  const end = performance.now();
  // How many rows the first frame laid out (each a row of CJK text to shape); rows beyond the view come later, in idle time.
  const firstRows = document.querySelectorAll('[data-testid="figure-row"], [data-testid="group-row"]').length;
  // The traced mounts count the main thread's work between these marks only.
  performance.mark('zb-mount-ready');
  // From the rows in the document to the frame that shows them: the browser's first frame of a fresh page.
  // From the port's last answer to the rows painted: the panel's own path once it has the data, whatever the answers' delay.
  return { readyMs: end - start, portMs: mounted!.portMs(), paintMs: end - rowsAt, afterAnswerMs: end - mounted!.answeredAt(), firstRows };
}

async function keystrokes(): Promise<number[]> {
  const input = document.querySelector<HTMLInputElement>('[data-testid="filter-text"]')!;
  const times: number[] = [];
  for (const text of ['国', '国内', '国内生', '國內生產', '國內生產總值1', '', '计', '計劃總', '']) {
    const start = performance.now();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await painted();
    times.push(performance.now() - start);
  }
  return times;
}

/** Scrolls the table a row and a half per frame; returns the frame intervals. */
async function scrolling(frames: number): Promise<number[]> {
  const body = document.querySelector<HTMLElement>('[data-testid="figure-grid-body"]')!;
  const gaps: number[] = [];
  let last = await new Promise<number>((r) => requestAnimationFrame(r));
  for (let i = 0; i < frames; i++) {
    body.scrollTop += 48;
    const now = await new Promise<number>((r) => requestAnimationFrame(r));
    gaps.push(now - last);
    last = now;
  }
  return gaps;
}

async function library(): Promise<number> {
  const start = performance.now();
  document.querySelector<HTMLElement>('[data-testid="view-library"]')!.click();
  await until(() => document.querySelectorAll('[data-testid="library-group"]').length > 0);
  await painted();
  return performance.now() - start;
}

(window as unknown as { __zbPanelSteps: unknown }).__zbPanelSteps = {
  prepare,
  mount,
  keystrokes,
  scrolling,
  library,
};
