// @vitest-environment happy-dom
/**
 * The grid's window of rows on its first render: sized without reading layout, corrected by the
 * ResizeObserver's report, and widened beyond the view only after the first frame (in idle time).
 * The browser's side (the observer reporting before the frame is painted) is bench:panel's and
 * the e2e tests'; here the observer, frames and idle time are driven by hand.
 */
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FigureRow } from '../port/ui-port';
import { displayItems, toTableRows } from './figure-table';
import { FigureGrid, ROW_HEIGHT } from './FigureGrid';
import { allByTestId, makeFigure, mount, unmountAll } from './testing';

type Report = (entries: { contentRect: { height: number } }[]) => void;
let report: Report | undefined;
let frames: FrameRequestCallback[] = [];
let idle: IdleRequestCallback[] = [];
let layoutReads = 0;

beforeEach(() => {
  report = undefined;
  frames = [];
  idle = [];
  layoutReads = 0;
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: Report) {
        report = callback;
      }
      observe() {}
      disconnect() {}
    },
  );
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  vi.stubGlobal('requestIdleCallback', (f: IdleRequestCallback) => idle.push(f));
  vi.stubGlobal('cancelIdleCallback', () => undefined);
  for (const name of ['clientHeight', 'offsetHeight'] as const) {
    const real = Object.getOwnPropertyDescriptor(HTMLElement.prototype, name) ?? Object.getOwnPropertyDescriptor(Element.prototype, name);
    vi.spyOn(HTMLElement.prototype, name, 'get').mockImplementation(function (this: HTMLElement) {
      layoutReads++;
      return real?.get?.call(this) ?? 0;
    });
  }
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(() => {
    layoutReads++;
    return new DOMRect();
  });
});

afterEach(() => {
  unmountAll();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const figures = Array.from({ length: 300 }, (_, i) => ({ ...makeFigure({ key: `k${i}`, order: i }), clipIds: [] }) as FigureRow);
const items = displayItems(toTableRows(figures, new Map()), false);

function grid() {
  return mount(
    <FigureGrid items={items} selected={new Set()} sort={{ key: 'order', descending: false }} onSort={() => {}} onActivate={() => {}} onCheck={() => {}} />,
  );
}

const rowsFitting = (height: number) => Math.ceil(height / ROW_HEIGHT) + 1;

describe('FigureGrid first render', () => {
  it('renders the rows of half the window without reading layout, then the rows of the height the observer reports', async () => {
    const { root } = grid();
    expect(layoutReads).toBe(0);
    expect(allByTestId(root, 'figure-row')).toHaveLength(rowsFitting(Math.floor(window.innerHeight / 2)));
    await act(() => report!([{ contentRect: { height: 640 } }]));
    expect(allByTestId(root, 'figure-row')).toHaveLength(rowsFitting(640));
    expect(layoutReads).toBe(0);
  });

  it('adds the rows beyond the view only in idle time after the first frame', async () => {
    const { root } = grid();
    await act(() => report!([{ contentRect: { height: 640 } }]));
    expect(idle).toHaveLength(0);
    await act(() => {
      for (const frame of frames.splice(0)) frame(0);
    });
    expect(allByTestId(root, 'figure-row')).toHaveLength(rowsFitting(640));
    await act(() => {
      for (const task of idle.splice(0)) task({ didTimeout: false, timeRemaining: () => 10 });
    });
    const rows = allByTestId(root, 'figure-row');
    expect(rows.length).toBeGreaterThan(rowsFitting(640));
    expect(rows.length).toBeLessThan(items.length);
  });

  it('keeps its height when the observer reports a hidden body (zero height)', async () => {
    const { root } = grid();
    await act(() => report!([{ contentRect: { height: 640 } }]));
    await act(() => report!([{ contentRect: { height: 0 } }]));
    expect(allByTestId(root, 'figure-row')).toHaveLength(rowsFitting(640));
  });
});
