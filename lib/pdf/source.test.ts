import { describe, expect, it } from 'vitest';
import { isPdfTab, localDocumentUrl, looksLikePdf, originPattern, parseViewerSource, sha256Hex, viewerQuery } from './source';

describe('viewer source', () => {
  it('round-trips a URL through the viewer query, fragment dropped', () => {
    const url = 'https://www.gov.cn/zhengce/2024/报告.pdf?id=3&x=a b';
    expect(parseViewerSource(viewerQuery(url + '#page=2'))).toEqual({ kind: 'url', url: new URL(url).href });
  });

  it('refuses what an extension page must not or cannot fetch', () => {
    expect(parseViewerSource('')).toEqual({ kind: 'none' });
    expect(parseViewerSource(viewerQuery('file:///tmp/a.pdf'))).toMatchObject({ kind: 'bad', code: 'not-http' });
    expect(parseViewerSource(viewerQuery('javascript:alert(1)'))).toMatchObject({ kind: 'bad', code: 'not-http' });
    expect(parseViewerSource('?src=%%%')).toMatchObject({ kind: 'bad' });
    expect(parseViewerSource(viewerQuery('not a url'))).toMatchObject({ kind: 'bad', code: 'malformed' });
  });

  it('asks for the one origin, without port', () => {
    expect(originPattern('http://127.0.0.1:8123/a.pdf')).toBe('http://127.0.0.1/*');
    expect(originPattern('https://www.stats.gov.cn/sj/a.pdf?x=1')).toBe('https://www.stats.gov.cn/*');
    expect(originPattern('file:///a.pdf')).toBeNull();
    expect(originPattern('nonsense')).toBeNull();
  });
});

describe('isPdfTab', () => {
  it('knows a PDF by its address or its content type', () => {
    expect(isPdfTab({ url: 'https://a.gov.cn/files/2024%E5%B9%B4.PDF' })).toBe(true);
    expect(isPdfTab({ url: 'http://127.0.0.1:1/doc.pdf?download=1' })).toBe(true);
    expect(isPdfTab({ url: 'https://a.gov.cn/getfile?id=7', contentType: 'application/pdf' })).toBe(true);
    expect(isPdfTab({ url: 'https://a.gov.cn/pdf/index.html' })).toBe(false);
    expect(isPdfTab({ url: 'chrome-extension://x/doc.pdf' })).toBe(false);
    expect(isPdfTab({})).toBe(false);
  });
});

describe('local documents', () => {
  it('are named by the SHA-256 of their bytes', async () => {
    const hex = await sha256Hex(new TextEncoder().encode('abc'));
    expect(hex).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(localDocumentUrl(hex)).toBe(`urn:sha256:${hex}`);
  });

  it('are PDFs when their bytes say so', () => {
    expect(looksLikePdf(new TextEncoder().encode('%PDF-1.7\n...'))).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode('<html>'))).toBe(false);
  });
});
