/** Section headings of a page given as text, line by line (一、… （一）… 第一章…). */
import { isChineseNumeralChar, isDigit, oneOf } from './numerals';

const MAX_HEADING = 50;

/** Does view[start, end) look like a section heading? */
export function isHeadingLine(view: string, start: number, end: number): boolean {
  let s = start;
  while (s < end && oneOf(' \u3000\t', view[s])) s++;
  let e = end;
  while (e > s && oneOf(' \u3000\t\r', view[e - 1])) e--;
  if (e - s < 2 || e - s > MAX_HEADING) return false;
  const body = view.slice(s, e);
  if (body.slice(0, -1).includes('。')) return false;
  let k = s;
  if (view[k] === '(') {
    k++;
    const n = k;
    while (k < e && isChineseNumeralChar(view[k])) k++;
    return k > n && view[k] === ')';
  }
  if (view[k] === '第') {
    k++;
    const n = k;
    while (k < e && (isChineseNumeralChar(view[k]) || isDigit(view[k]))) k++;
    return k > n && oneOf('章节部篇', view[k]);
  }
  const n = k;
  while (k < e && isChineseNumeralChar(view[k])) k++;
  return k > n && k - n <= 3 && view[k] === '、';
}
