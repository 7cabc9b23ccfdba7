/**
 * Our only UI in the page: a tooltip over a figure and a toast for failures, both inside one
 * closed shadow root. The host is made on first use and hangs off <html>, outside <body>, so the
 * page's content (its text, its DOM, its mutation observers on the body) never sees it. Text only
 * (textContent); styles through the CSSOM (allowed by the strictest style-src CSP).
 */
import type { Indicator } from '../extract/types';
import { currentLocale } from '../i18n/locale';
import { pageT as t } from '../i18n/page-words';
import { formatFigure } from '../model/format';

export const HOST_NAME = 'zb-ui';
const TOAST_MS = 5000;

type Style = Record<string, string>;

const BOX: Style = {
  position: 'fixed',
  'z-index': '2147483647',
  'max-width': '420px',
  padding: '6px 10px',
  'border-radius': '6px',
  background: '#1f2933',
  color: '#f5f7fa',
  font: '13px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif',
  'box-shadow': '0 2px 10px rgba(0,0,0,.25)',
  'pointer-events': 'none',
  'white-space': 'pre-line',
  display: 'none',
};

function styled<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, style: Style): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(style)) el.style.setProperty(k, v);
  return el;
}

/** The tooltip's lines: label, normalised figure (qualifier, range or change included), role, what a click does. */
export function tooltipLines(ind: Indicator, clipped: boolean, inLink: boolean): string[] {
  const locale = currentLocale();
  const lines = [formatFigure(ind, locale)];
  if (ind.label) lines.push(t('page.tooltip.label', { label: ind.label }));
  lines.push(t(`common.role.${ind.role}`));
  lines.push(t(clipped ? 'page.tooltip.unclip' : inLink ? 'page.tooltip.clipInLink' : 'page.tooltip.clip'));
  return lines;
}

export class Overlay {
  private host: HTMLElement | null = null;
  private tip: HTMLElement | null = null;
  private toast: HTMLElement | null = null;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly doc: Document) {}

  private ensure(): boolean {
    if (this.host?.isConnected) return true;
    const root = this.doc.documentElement;
    if (!root) return false;
    // An element of our own name, so the page's main-text reader skips it (dom-rules: ZB-*).
    const named = this.doc.createElement(HOST_NAME);
    const shadow = named.attachShadow({ mode: 'closed' });
    this.tip = styled(this.doc, 'div', { ...BOX, left: '0', top: '0' });
    this.toast = styled(this.doc, 'div', { ...BOX, right: '16px', bottom: '16px', background: '#8a1c1c' });
    this.toast.setAttribute('role', 'alert');
    shadow.append(this.tip, this.toast);
    root.appendChild(named);
    this.host = named;
    return true;
  }

  showTooltip(lines: string[], rect: DOMRect): void {
    if (!this.ensure() || !this.tip) return;
    this.tip.textContent = lines.join('\n');
    this.tip.style.setProperty('display', 'block');
    const view = this.doc.defaultView;
    const below = rect.bottom + 6;
    const top = view && below + 80 > view.innerHeight ? Math.max(0, rect.top - 6 - this.tip.offsetHeight) : below;
    // Moved by a transform, not by left/top: a box moved by its position counts as a layout shift
    // in the page's own measurements (PerformanceObserver 'layout-shift', its CLS), a transform does not.
    this.tip.style.setProperty('transform', `translate(${Math.max(0, Math.round(rect.left))}px, ${Math.round(top)}px)`);
  }

  hideTooltip(): void {
    this.tip?.style.setProperty('display', 'none');
  }

  showToast(message: string): void {
    if (!this.ensure() || !this.toast) return;
    this.toast.textContent = t('page.toast.prefix', { message });
    this.toast.style.setProperty('display', 'block');
    clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => this.toast?.style.setProperty('display', 'none'), TOAST_MS);
  }

  dispose(): void {
    clearTimeout(this.toastTimer);
    this.host?.remove();
    this.host = null;
  }
}
