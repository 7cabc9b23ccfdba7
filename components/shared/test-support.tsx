/**
 * Test support for the UI's components (not shipped): mounting with Preact, waiting for the UI,
 * typing and clicking as a user does, sample clips and page statuses.
 */
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import type { PageStatus, Reason } from '../../lib/messages/schemas';
import type { Clip } from '../../lib/model/clip';
import { sampleClip } from '../../lib/model/sample-clip.test-support';

export interface Mounted {
  root: HTMLElement;
  unmount: () => void;
}

const mounted: Mounted[] = [];

export function mount(node: ComponentChild): Mounted {
  const root = document.createElement('div');
  document.body.appendChild(root);
  act(() => {
    render(node, root);
  });
  const handle = {
    root,
    unmount: () => {
      act(() => render(null, root));
      root.remove();
    },
  };
  mounted.push(handle);
  return handle;
}

export function unmountAll(): void {
  for (const m of mounted.splice(0)) m.unmount();
}

/** Lets pending promises and Preact's effects run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

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

export function byTestId<E extends Element = HTMLElement>(root: ParentNode, id: string): E {
  const found = root.querySelector<E>(`[data-testid="${id}"]`);
  if (!found) throw new Error(`no [data-testid="${id}"]`);
  return found;
}

export function allByTestId<E extends Element = HTMLElement>(root: ParentNode, id: string): E[] {
  return [...root.querySelectorAll<E>(`[data-testid="${id}"]`)];
}

export async function click(element: Element): Promise<void> {
  await act(() => {
    (element as HTMLElement).click();
  });
}

export async function type(input: HTMLInputElement, text: string): Promise<void> {
  await act(() => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export interface ClipOptions {
  url?: string;
  title?: string;
  text?: string;
  value?: number;
  unit?: string;
  label?: string;
  role?: Clip['indicator']['role'];
  sentence?: string;
  prefix?: string;
  position?: number;
  clippedAt?: string;
}

/** A clip as the popup's tests want it by default: a report page, 5% of 国内生产总值, no section. */
export function makeClip(o: ClipOptions = {}): Clip {
  const text = o.text ?? '5%';
  return sampleClip({
    url: o.url ?? 'https://www.gov.cn/zhengce/report.htm',
    title: o.title ?? '政府工作报告',
    section: '',
    exact: text,
    prefix: o.prefix ?? '增长',
    suffix: '左右',
    position: o.position ?? 10,
    value: o.value ?? 5,
    unit: o.unit ?? '%',
    qualifier: null,
    role: o.role ?? 'target',
    label: o.label ?? '国内生产总值',
    sentence: o.sentence ?? `国内生产总值增长${text}左右。`,
    clippedAt: o.clippedAt ?? '2024-03-05T01:00:00.000Z',
  });
}

/** A detection reason as the page side sent words before the detect.* codes (code 'text'). */
export function textReason(text: string, points = 1): Reason {
  return { code: 'text', points, params: { text } };
}

export function makeStatus(o: Partial<PageStatus> = {}): PageStatus {
  const url = o.url ?? 'https://www.gov.cn/zhengce/report.htm';
  return {
    url,
    title: '政府工作报告',
    site: new URL(url).hostname,
    kind: 'html',
    isPolicy: true,
    score: 7,
    reasons: [textReason('标题含“工作报告”', 4), textReason('正文含 32 个指标', 3)],
    highlighted: false,
    indicatorCount: 0,
    clippedCount: 0,
    orphanCount: 0,
    autoHighlight: false,
    ...o,
  };
}
