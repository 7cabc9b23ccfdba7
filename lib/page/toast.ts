/** A small message in the corner of the page (e.g. "storage full"); text only, gone after a while. */

export const TOAST_NAME = 'zb-toast';
const SHOW_MS = 5000;

export function showToast(doc: Document, message: string): void {
  const host = doc.documentElement;
  if (!host) return;
  host.querySelectorAll(TOAST_NAME).forEach((old) => old.remove());
  const toast = doc.createElement(TOAST_NAME);
  toast.setAttribute('role', 'alert');
  toast.textContent = `指标：${message}`;
  host.appendChild(toast);
  setTimeout(() => toast.remove(), SHOW_MS);
}
