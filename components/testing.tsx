/**
 * Test support for the popup components (not shipped): mounting with Preact, waiting for the UI,
 * typing and clicking as a user does, sample clips and statuses, and a fake of lib/messages/bus.
 */
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import type { PageStatus } from '../lib/messages/protocol';
import type { Clip } from '../lib/model/clip';
import { sampleClip } from '../lib/store/sample-clip';

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

export function makeStatus(o: Partial<PageStatus> = {}): PageStatus {
  const url = o.url ?? 'https://www.gov.cn/zhengce/report.htm';
  return {
    url,
    title: '政府工作报告',
    site: new URL(url).hostname,
    isPolicy: true,
    score: 7,
    reasons: ['标题含“工作报告”', '正文含 32 个指标'],
    highlighted: false,
    indicatorCount: 0,
    clippedCount: 0,
    autoHighlight: false,
    ...o,
  };
}

/** The functions of lib/messages/bus, as vi.fn()s (the shape `vi.mock` gives the test module). */
export interface BusMock {
  sendToBackground: ReturnType<typeof vi.fn>;
  sendToTab: ReturnType<typeof vi.fn>;
  activeTab: ReturnType<typeof vi.fn>;
  allTabs: ReturnType<typeof vi.fn>;
  ownTab: ReturnType<typeof vi.fn>;
  extensionOrigin: ReturnType<typeof vi.fn>;
}

export const EXTENSION_ORIGIN = 'chrome-extension://zhibiaotest/';

export interface FakeWorld {
  clips: Clip[];
  /** Content scripts that answer, by tab id. */
  pages: Map<number, PageStatus>;
  tabs: { id: number; title?: string; url?: string }[];
  active?: { id: number; url?: string };
  own?: { id: number };
  /** Background replies by message type, overriding the defaults (throw to fail). */
  background?: Record<string, (payload: never) => unknown>;
  /** Content-script replies by message type, overriding the defaults (throw to fail). */
  content?: Record<string, (tabId: number) => unknown>;
}

/** Wires the mocked bus to a small world of tabs, pages and stored clips. */
export function fakeBus(bus: BusMock, world: FakeWorld): void {
  bus.extensionOrigin.mockReturnValue(EXTENSION_ORIGIN);
  bus.activeTab.mockImplementation(async () => world.active);
  bus.ownTab.mockImplementation(async () => world.own);
  bus.allTabs.mockImplementation(async () => world.tabs);
  bus.sendToTab.mockImplementation(async (tabId: number, type: string) => {
    const status = world.pages.get(tabId);
    if (!status) throw new Error('Could not establish connection. Receiving end does not exist.');
    const override = world.content?.[type];
    if (override) return override(tabId);
    if (type === 'clipsChanged') return { ok: true };
    return status;
  });
  bus.sendToBackground.mockImplementation(async (_direction: string, type: string, payload: { id?: string; url?: string; site?: string; clips?: Clip[] }) => {
    const override = world.background?.[type];
    if (override) return override(payload as never);
    switch (type) {
      case 'listClips':
        return { clips: [...world.clips] };
      case 'deleteClip': {
        const before = world.clips.length;
        world.clips = world.clips.filter((c) => c.id !== payload.id);
        return { deleted: world.clips.length < before };
      }
      case 'clearPage': {
        const before = world.clips.length;
        world.clips = world.clips.filter((c) => c.url !== payload.url);
        return { deleted: before - world.clips.length };
      }
      case 'putClips':
        world.clips = [...world.clips, ...(payload.clips ?? [])];
        return { stored: payload.clips?.length ?? 0 };
      case 'getSiteSettings':
        return { site: payload.site, autoHighlight: false };
      case 'setSiteSettings':
        return payload;
      default:
        throw new Error(`unexpected ${type}`);
    }
  });
}

/** The module that replaces lib/messages/bus in the popup's tests: every function a vi.fn(). */
export function busModuleMock() {
  return {
    sendToBackground: vi.fn(),
    sendToTab: vi.fn(),
    activeTab: vi.fn(),
    allTabs: vi.fn(),
    ownTab: vi.fn(),
    extensionOrigin: vi.fn(),
  };
}
