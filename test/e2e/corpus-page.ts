/**
 * Turns a corpus text file (one paragraph a line, page chrome kept at both ends) into the kind of
 * HTML page a government site or a 范文 site serves: navigation and meta lines in <header>, body
 * paragraphs and headings in <main>, site footer and related-article lists in <footer>. The whole
 * file is kept, so the extension meets the same chrome it meets on the web.
 */

const NAV = /^(首页|首頁|網站首頁|网站首页)(\s|>|$)|\s>\s/;
const META = /^(发布日期|發佈日期|发布时间|時間|时间|作者|欄目|栏目|来源|來源)\s*[::]|浏览量|瀏覽量|人氣[::]|人气[::]/;
const FOOTER = /网站地图|網站地圖|邮编|郵編|联系电话|聯繫電話|浏览量|版权所有|版權所有|ICP备|ICP備|公网安备|本文地址|相关范文推荐|相關範文推薦|相关推荐/;
const BULLET = /^\s*•/;
/** Indented lines are the blurbs under the items of a related-article list. */
const INDENTED = /^\s{2,}\S/;
const H2 = /^([一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章节部分])|篇\s*([一二三四五六七八九十]+|\d+)$/;
const H3 = /^[((][一二三四五六七八九十]+[))]/;
const MAX_HEADING = 40;
const MAX_TITLE = 60;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface CorpusPageParts {
  title: string;
  /** The title as a heading line of the page, or null when the first line is a long lead paragraph. */
  headingLine: string | null;
  header: { kind: 'nav' | 'meta'; text: string }[];
  body: string[];
  footer: string[];
}

function titleOf(line: string): string {
  const trimmed = line.trim();
  if (trimmed.length <= MAX_TITLE) return trimmed;
  const stop = trimmed.search(/[。,,;;]/);
  return (stop > 0 && stop <= MAX_TITLE ? trimmed.slice(0, stop) : trimmed.slice(0, MAX_TITLE)).trim();
}

/** Splits the lines of a corpus file into page chrome and body. */
export function splitCorpusText(text: string): CorpusPageParts {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let first = 0;
  const header: CorpusPageParts['header'] = [];
  let title = '';
  let headingLine: string | null = null;
  // Leading chrome: navigation and meta lines, plus the first content line as the title.
  for (; first < lines.length && header.length + (title ? 1 : 0) < 6; first++) {
    const line = lines[first];
    if (!line.trim()) continue;
    if (NAV.test(line)) header.push({ kind: 'nav', text: line.trim() });
    else if (META.test(line)) header.push({ kind: 'meta', text: line.trim() });
    else if (!title) {
      title = titleOf(line);
      if (line.trim().length <= MAX_TITLE) headingLine = line.trim();
      else break; // a long lead paragraph: it starts the body
    } else break;
  }
  // Trailing chrome: site footer lines and related-article lists, read from the end.
  let last = lines.length;
  while (last > first) {
    const line = lines[last - 1];
    if (!line.trim() || FOOTER.test(line) || BULLET.test(line) || INDENTED.test(line)) last--;
    else break;
  }
  const footer = lines.slice(last).filter((l) => l.trim());
  const body = lines.slice(first, last).filter((l) => l.trim());
  return { title, headingLine, header, body, footer };
}

function bodyElement(line: string): string {
  const text = line.trim();
  const tag = text.length <= MAX_HEADING && H2.test(text) ? 'h2' : text.length <= MAX_HEADING && H3.test(text) ? 'h3' : 'p';
  return `<${tag}>${escapeHtml(text)}</${tag}>`;
}

function footerHtml(lines: string[]): string {
  const out: string[] = [];
  let list: string[] | null = null;
  const closeList = () => {
    if (list) out.push(`<ul class="related">${list.join('')}</ul>`);
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (BULLET.test(line)) {
      list ??= [];
      const blurb = i + 1 < lines.length && INDENTED.test(lines[i + 1]) && !BULLET.test(lines[i + 1]) ? lines[++i] : '';
      const item = escapeHtml(line.replace(BULLET, '').trim());
      list.push(`<li><a href="#">${item}</a>${blurb ? `<p class="blurb">${escapeHtml(blurb.trim())}</p>` : ''}</li>`);
    } else {
      closeList();
      out.push(`<p>${escapeHtml(line.trim())}</p>`);
    }
  }
  closeList();
  return out.join('\n');
}

const STYLE = `body{font:16px/1.7 "Noto Sans CJK SC",sans-serif;margin:0;color:#222}
header,footer{background:#f3f3f3;padding:8px 24px;color:#555;font-size:14px}
nav{border-bottom:1px solid #ccc;padding-bottom:4px}main{max-width:860px;margin:0 auto;padding:8px 24px}
h1{font-size:22px}h2{font-size:19px}h3{font-size:17px}ul.related{padding-left:18px}`;

/**
 * Run by the page before the extension, for tests to compare with what they find after it: the
 * body's text, captured while the page is parsed, and once parsing is over (DOMContentLoaded; the
 * parser's own appends would count otherwise) its serialized DOM and a MutationObserver that
 * records every change to it. The content script starts at document_end, about the same moment;
 * what it does to the page (highlighting, in later tasks) is all observed.
 */
const SNAPSHOT_SCRIPT = `<script>window.__zbOriginalText = document.body.innerText; window.__zbOriginalContent = document.body.textContent; window.__zbMutations = []; document.addEventListener('DOMContentLoaded', function () { window.__zbOriginalHtml = document.body.innerHTML; new MutationObserver(function (records) { records.forEach(function (r) { window.__zbMutations.push(r.type + ' ' + (r.target.nodeName || '') + ' ' + (r.attributeName || '')); }); }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true }); });</script>`;

export function corpusPageHtml(text: string, options: { snapshot?: boolean } = {}): string {
  const parts = splitCorpusText(text);
  const header = parts.header.map((h) => (h.kind === 'nav' ? `<nav>${escapeHtml(h.text)}</nav>` : `<div class="meta">${escapeHtml(h.text)}</div>`)).join('\n');
  const heading = parts.headingLine ? `<h1>${escapeHtml(parts.headingLine)}</h1>` : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(parts.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
${header}
${heading}
</header>
<main>
<article>
${parts.body.map(bodyElement).join('\n')}
</article>
</main>
<footer>
${footerHtml(parts.footer)}
</footer>
${options.snapshot ? SNAPSHOT_SCRIPT : ''}
</body>
</html>
`;
}
