/**
 * Test support for the side panel (not shipped): waiting for the UI, user actions, and
 * figures/tabs for the mock port; mounting comes from the shared test support.
 */

import { act } from 'preact/test-utils';
import type { ClippedIndicator } from '../../lib/model/clip';
import { createMockPort, type MockPort, type MockPortOptions, mockStatus, type MockTab } from '../port/mock-port';
import type { FigureRow } from '../port/ui-port';

import { allByTestId } from '../shared/test-support';

export { allByTestId, byTestId, type Mounted, mount, unmountAll } from '../shared/test-support';

/** Polls until `check` passes (returns without throwing), then returns its value. */
export async function until<T>(check: () => T, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
      });
    }
  }
}

/** Lets pending promises and Preact's effects run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

export async function click(element: Element, init: MouseEventInit = {}): Promise<void> {
  await act(() => {
    element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...init }));
  });
}

export async function key(element: Element, keyName: string, init: KeyboardEventInit = {}): Promise<void> {
  await act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key: keyName, bubbles: true, cancelable: true, ...init }));
  });
}

export async function type(input: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
  await act(() => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Types and leaves the field, as a user does before a change is committed. */
export async function commit(input: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
  await type(input, text);
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export interface FigureOptions extends Partial<ClippedIndicator> {
  key?: string;
  order?: number;
  heading?: string;
  sentence?: string;
}

let nextOrder = 0;

/** A figure row as the page reports it (without clipIds: the mock port derives them from its store). */
export function makeFigure(o: FigureOptions = {}): Omit<FigureRow, 'clipIds'> {
  const order = o.order ?? nextOrder++;
  const text = o.text ?? '5%';
  const label = o.label ?? '国内生产总值';
  const indicator: ClippedIndicator = {
    text,
    value: o.value ?? 5,
    unit: o.unit ?? '%',
    dimension: o.dimension ?? 'percent',
    role: o.role ?? 'target',
    label,
    ...(o.qualifier ? { qualifier: o.qualifier } : {}),
    ...(o.valueMax !== undefined ? { valueMax: o.valueMax } : {}),
    ...(o.from !== undefined ? { from: o.from } : {}),
  };
  return { key: o.key ?? `f${order}`, order, indicator, heading: o.heading ?? '', sentence: o.sentence ?? `${label}增长${text}左右。` };
}

export const PAGE_URL = 'https://www.gov.cn/zhengce/report.htm';

/** A tab showing a page with these figures. */
export function pageTab(tabId: number, figures: Omit<FigureRow, 'clipIds'>[], url = PAGE_URL, title = '政府工作报告'): MockTab {
  return { tab: { tabId, url, title }, status: mockStatus(url, { title, indicatorCount: figures.length }), figures };
}

/** Six figures of a work report, two sections, both roles, several dimensions. */
export function reportFigures(): Omit<FigureRow, 'clipIds'>[] {
  const h1 = '一、2023年工作回顾';
  const h2 = '二、2024年发展主要预期目标';
  return [
    makeFigure({ key: 'gdp23', order: 0, heading: h1, label: '国内生产总值', text: '5.2%', value: 5.2, role: 'actual', sentence: '国内生产总值增长5.2%。' }),
    makeFigure({
      key: 'jobs23',
      order: 1,
      heading: h1,
      label: '城镇新增就业',
      text: '1244万人',
      value: 12_440_000,
      unit: '人',
      dimension: 'count',
      role: 'actual',
      sentence: '城镇新增就业1244万人。',
    }),
    makeFigure({
      key: 'grain23',
      order: 2,
      heading: h1,
      label: '粮食产量',
      text: '13908亿斤',
      value: 1.3908e12,
      unit: '斤',
      dimension: 'mass',
      role: 'actual',
      sentence: '粮食产量13908亿斤。',
    }),
    makeFigure({
      key: 'gdp24',
      order: 3,
      heading: h2,
      label: '国内生产总值',
      text: '5%',
      value: 5,
      role: 'target',
      qualifier: '~',
      sentence: '国内生产总值增长5%左右。',
    }),
    makeFigure({
      key: 'jobs24',
      order: 4,
      heading: h2,
      label: '城镇新增就业',
      text: '1200万人',
      value: 12_000_000,
      unit: '人',
      dimension: 'count',
      role: 'target',
      qualifier: '>=',
      sentence: '城镇新增就业1200万人以上。',
    }),
    makeFigure({
      key: 'invest24',
      order: 5,
      heading: h2,
      label: '计划总投资',
      text: '3000亿元',
      value: 3e11,
      unit: '元',
      dimension: 'money',
      role: 'target',
      sentence: '计划总投资3000亿元。',
    }),
  ];
}

/** A mock port whose user reads simplified Chinese (the tests' language, whatever the machine's). */
export function panelPort(options: MockPortOptions = {}): MockPort {
  return createMockPort({ ui: { locale: 'zh-CN' }, ...options });
}

/** A mock port with the report page open in tab 7 (active). */
export function reportPort(): MockPort {
  return panelPort({ tabs: [pageTab(7, reportFigures())], active: 7 });
}

/** The keys of the table's rows, in the order shown. */
export function rowKeys(root: ParentNode): string[] {
  return allByTestId(root, 'figure-row').map((row) => row.getAttribute('data-key')!);
}

export function row(root: ParentNode, key: string): HTMLElement {
  const found = root.querySelector<HTMLElement>(`[data-testid="figure-row"][data-key="${key}"]`);
  if (!found) throw new Error(`no row ${key}`);
  return found;
}
