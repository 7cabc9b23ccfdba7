/**
 * The first Intl.NumberFormat a page makes loads ICU's number data: 20–50 ms in a fresh side
 * panel (a new renderer). The table's value column made it in the middle of the first render of
 * rows. Made while the panel waits for the background's first answers instead, it costs the
 * reader nothing; formatNumber keeps the formatter, and another locale's is then made in ~0.1 ms.
 */
import { currentLocale } from '../../lib/i18n';
import { formatNumber } from '../../lib/model/format';

/** Schedules the formatter's making in a task of its own, after the questions just asked have left. */
export function warmNumberFormat(): () => void {
  const timer = setTimeout(() => formatNumber(0, currentLocale()), 0);
  return () => clearTimeout(timer);
}
