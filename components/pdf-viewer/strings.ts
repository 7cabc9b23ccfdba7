/**
 * The PDF viewer's words, in the three locales, until they move into lib/i18n's catalogue as
 * lib/i18n/catalog/pdf.ts (same keys). `{name}` marks a parameter.
 */
export type PdfLocale = 'zh-CN' | 'zh-TW' | 'en';

const zhCN = {
  'pdf.title': '指标 PDF 阅读器',
  'pdf.open': '打开 PDF 文件',
  'pdf.dropHint': '或把 PDF 文件拖到这里',
  'pdf.loading': '正在打开……',
  'pdf.reading': '正在读取：第 {page} / {pages} 页',
  'pdf.read': '共 {pages} 页，找到 {count} 个指标，已摘录 {clipped} 个',
  'pdf.noText': '这个 PDF 没有文字层（可能是扫描件或图片），无法读取其中的指标。',
  'pdf.notPdf': '这个文件不是 PDF：{name}',
  'pdf.broken': '无法打开这个 PDF：{detail}',
  'pdf.password': '这个 PDF 有密码保护，无法打开。',
  'pdf.fetchFailed': '无法读取 {url}：{detail}',
  'pdf.needAccess': '读取这个 PDF 需要访问 {origin} 的权限。',
  'pdf.grantAccess': '允许访问并打开',
  'pdf.accessDenied': '没有获得访问权限。也可以先下载这个 PDF，再用“打开 PDF 文件”打开它。',
  'pdf.badSource': '无法打开这个地址：{url}',
  'pdf.clipHint': '点击高亮的数字即可摘录；再次点击取消。',
  'pdf.clipFailed': '摘录失败：{detail}',
  'pdf.page': '第 {page} 页',
  'pdf.offer': '在指标 PDF 阅读器中打开',
  'pdf.offerHint': '浏览器自带的 PDF 阅读器里无法高亮指标。',
  'pdf.tabsWithPdf': '标签页中的 PDF',
} as const;

export type PdfMessageKey = keyof typeof zhCN;

const zhTW: Record<PdfMessageKey, string> = {
  'pdf.title': '指標 PDF 閱讀器',
  'pdf.open': '開啟 PDF 檔案',
  'pdf.dropHint': '或把 PDF 檔案拖到這裡',
  'pdf.loading': '正在開啟……',
  'pdf.reading': '正在讀取：第 {page} / {pages} 頁',
  'pdf.read': '共 {pages} 頁，找到 {count} 個指標，已摘錄 {clipped} 個',
  'pdf.noText': '這個 PDF 沒有文字層（可能是掃描件或圖片），無法讀取其中的指標。',
  'pdf.notPdf': '這個檔案不是 PDF：{name}',
  'pdf.broken': '無法開啟這個 PDF：{detail}',
  'pdf.password': '這個 PDF 有密碼保護，無法開啟。',
  'pdf.fetchFailed': '無法讀取 {url}：{detail}',
  'pdf.needAccess': '讀取這個 PDF 需要存取 {origin} 的權限。',
  'pdf.grantAccess': '允許存取並開啟',
  'pdf.accessDenied': '沒有取得存取權限。也可以先下載這個 PDF，再用「開啟 PDF 檔案」開啟它。',
  'pdf.badSource': '無法開啟這個網址：{url}',
  'pdf.clipHint': '點擊醒目提示的數字即可摘錄；再次點擊取消。',
  'pdf.clipFailed': '摘錄失敗：{detail}',
  'pdf.page': '第 {page} 頁',
  'pdf.offer': '在指標 PDF 閱讀器中開啟',
  'pdf.offerHint': '瀏覽器內建的 PDF 閱讀器無法醒目提示指標。',
  'pdf.tabsWithPdf': '分頁中的 PDF',
};

const en: Record<PdfMessageKey, string> = {
  'pdf.title': 'Zhibiao PDF viewer',
  'pdf.open': 'Open a PDF file',
  'pdf.dropHint': 'or drop a PDF file here',
  'pdf.loading': 'Opening…',
  'pdf.reading': 'Reading page {page} of {pages}',
  'pdf.read': '{pages} pages, {count} indicators found, {clipped} clipped',
  'pdf.noText': 'This PDF has no text layer (it may be a scan or images only): there is no text to read indicators from.',
  'pdf.notPdf': 'This file is not a PDF: {name}',
  'pdf.broken': 'This PDF cannot be opened: {detail}',
  'pdf.password': 'This PDF is password-protected and cannot be opened.',
  'pdf.fetchFailed': 'Could not read {url}: {detail}',
  'pdf.needAccess': 'Reading this PDF needs access to {origin}.',
  'pdf.grantAccess': 'Allow access and open',
  'pdf.accessDenied': 'Access was not granted. You can also download the PDF and open it with “Open a PDF file”.',
  'pdf.badSource': 'This address cannot be opened: {url}',
  'pdf.clipHint': 'Click a highlighted figure to clip it; click again to unclip.',
  'pdf.clipFailed': 'Clipping failed: {detail}',
  'pdf.page': 'Page {page}',
  'pdf.offer': 'Open in the Zhibiao PDF viewer',
  'pdf.offerHint': "The browser's own PDF viewer cannot highlight indicators.",
  'pdf.tabsWithPdf': 'PDFs in your tabs',
};

const CATALOGUE: Record<PdfLocale, Record<PdfMessageKey, string>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

export function pdfLocale(languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages): PdfLocale {
  for (const lang of languages) {
    const l = lang.toLowerCase();
    if (l.startsWith('zh')) return /tw|hk|mo|hant/.test(l) ? 'zh-TW' : 'zh-CN';
    if (l.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

let locale: PdfLocale = pdfLocale();

export function setPdfLocale(next: PdfLocale): void {
  locale = next;
}

export function tp(key: PdfMessageKey, params: Record<string, string | number> = {}): string {
  return CATALOGUE[locale][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export const PDF_CATALOGUE = CATALOGUE;
