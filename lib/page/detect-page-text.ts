/**
 * The page's text as a whole (footers and buttons too), for the signals about the page rather than
 * its main text: a sample of its start and end, read without joining a 7 MB page whole.
 */

/** Word signals read the start and end of long texts only: enough to judge, and cheap on 400 KB pages. */
const SAMPLE_HEAD = 30000;
const SAMPLE_TAIL = 10000;

export function sample(text: string): string {
  return text.length <= SAMPLE_HEAD + SAMPLE_TAIL ? text : `${text.slice(0, SAMPLE_HEAD)}\n${text.slice(-SAMPLE_TAIL)}`;
}

/** lines.join('\n').length, without joining them. */
export function joinedLength(lines: readonly string[]): number {
  let length = Math.max(0, lines.length - 1);
  for (const line of lines) length += line.length;
  return length;
}

/**
 * sample(lines.join('\n')), joining only the lines it keeps: a huge page's text joined whole is a
 * string of megabytes, made for the garbage collector to trace and drop while the page is read.
 */
export function sampleLines(lines: readonly string[]): string {
  if (joinedLength(lines) <= SAMPLE_HEAD + SAMPLE_TAIL) return lines.join('\n');
  let head = 0;
  let headLines = 0;
  while (head < SAMPLE_HEAD) head += lines[headLines++].length + 1;
  let tail = 0;
  let tailFrom = lines.length;
  while (tail < SAMPLE_TAIL) tail += lines[--tailFrom].length + 1;
  return `${lines.slice(0, headLines).join('\n').slice(0, SAMPLE_HEAD)}\n${lines.slice(tailFrom).join('\n').slice(-SAMPLE_TAIL)}`;
}

/** All the page's text except scripts and styles, hidden or not (footers and buttons count here). */
export function pageText(doc: Document): string {
  const body = doc.body;
  if (!body) return '';
  const parts: string[] = [];
  const walker = doc.createTreeWalker(body, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement?.tagName.toUpperCase();
    if (parent === 'SCRIPT' || parent === 'STYLE' || parent === 'NOSCRIPT' || parent === 'TEMPLATE') continue;
    parts.push((n as Text).data);
  }
  for (const input of Array.from(body.querySelectorAll('input[type=submit],input[type=button]'))) parts.push(` ${(input as HTMLInputElement).value} `);
  return parts.join('');
}

/**
 * sample(pageText(doc)), reading only the text nodes it keeps: the first SAMPLE_HEAD + SAMPLE_TAIL
 * characters, and when the page is longer, its last SAMPLE_TAIL (a 7 MB page is not joined whole).
 */
export function pageTextSample(doc: Document): string {
  const body = doc.body;
  if (!body) return '';
  const keep = (n: Node): boolean => {
    const parent = n.parentElement?.tagName.toUpperCase();
    return !(parent === 'SCRIPT' || parent === 'STYLE' || parent === 'NOSCRIPT' || parent === 'TEMPLATE');
  };
  const head: string[] = [];
  let headLength = 0;
  const walker = doc.createTreeWalker(body, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n && headLength <= SAMPLE_HEAD + SAMPLE_TAIL; n = walker.nextNode()) {
    if (!keep(n)) continue;
    head.push((n as Text).data);
    headLength += (n as Text).data.length;
  }
  const inputs = Array.from(body.querySelectorAll('input[type=submit],input[type=button]')).map((input) => ` ${(input as HTMLInputElement).value} `);
  if (headLength <= SAMPLE_HEAD + SAMPLE_TAIL) return sample([...head, ...inputs].join(''));
  // Longer than the sample: its end, read backwards from the last text node.
  const tail: string[] = inputs.reverse();
  let tailLength = tail.reduce((sum, part) => sum + part.length, 0);
  const back = doc.createTreeWalker(body, 4 /* SHOW_TEXT */);
  let last: Node | null = null;
  for (let n = back.lastChild(); n; n = back.lastChild()) last = n;
  for (let n = last; n && tailLength < SAMPLE_TAIL; n = back.previousNode()) {
    if (!keep(n)) continue;
    tail.push((n as Text).data);
    tailLength += (n as Text).data.length;
  }
  return `${head.join('').slice(0, SAMPLE_HEAD)}\n${tail.reverse().join('').slice(-SAMPLE_TAIL)}`;
}
