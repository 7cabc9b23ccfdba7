/**
 * Where the page's own click behaviour wins over clipping: links, buttons, form controls, labels,
 * editable text (contenteditable, designMode). A plain click there does what the page does; only
 * Alt+click clips.
 */
const INTERACTIVE =
  'a[href], area[href], button, input, select, textarea, label, summary, option, [role="button"], [role="link"], [role="menuitem"], [role="tab"]';

export function interactiveAt(target: EventTarget | null, doc: Document): boolean {
  if (doc.designMode === 'on') return true;
  const node = target as Node | null;
  if (!node || typeof (node as Node).nodeType !== 'number') return false;
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el) return false;
  if ((el as HTMLElement).isContentEditable) return true;
  return typeof el.closest === 'function' && el.closest(INTERACTIVE) !== null;
}
