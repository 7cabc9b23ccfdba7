import { afterEach, describe, expect, it, vi } from 'vitest';

const permissions = vi.hoisted(() => ({ contains: vi.fn(), request: vi.fn() }));
vi.mock('wxt/browser', () => ({ browser: { permissions } }));
const { LoadError, loadFile, loadUrl, requestAccess } = await import('./load-source');

const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n%…\n');
const URL_ = 'http://127.0.0.1:8080/files/%E6%8A%A5%E5%91%8A.pdf';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.clearAllMocks();
});

const failureOf = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(LoadError);
  return (e as InstanceType<typeof LoadError>).failure;
};

describe('loading a PDF', () => {
  it('names a local file by the SHA-256 of its bytes and keeps its file name as the title', async () => {
    const loaded = await loadFile(new File([PDF_BYTES], '报告.pdf'));
    expect(loaded.info.url).toMatch(/^urn:sha256:[0-9a-f]{64}$/);
    expect(loaded.info).toMatchObject({ title: '报告.pdf', site: '' });
    const again = await loadFile(new File([PDF_BYTES], 'renamed.pdf'));
    expect(again.info.url).toBe(loaded.info.url);
  });

  it('refuses a file that is not a PDF, by name', async () => {
    expect(await failureOf(loadFile(new File(['<html>'], 'page.pdf')))).toEqual({ code: 'not-pdf', name: 'page.pdf' });
  });

  it('reads a web PDF by its address and names it by its host and file name', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(PDF_BYTES, { status: 200 })),
    );
    const loaded = await loadUrl(URL_);
    expect(loaded.info).toEqual({ url: URL_, title: '报告.pdf', site: '127.0.0.1' });
  });

  it('asks for access when the fetch is refused and the origin is not granted; reports other failures', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('NetworkError when attempting to fetch resource.'))),
    );
    permissions.contains.mockResolvedValue(false);
    expect(await failureOf(loadUrl(URL_))).toEqual({ code: 'need-access', origin: 'http://127.0.0.1:8080', url: URL_ });
    expect(permissions.contains).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
    permissions.contains.mockResolvedValue(true);
    expect(await failureOf(loadUrl(URL_))).toMatchObject({ code: 'fetch-failed', url: URL_ });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('gone', { status: 404 })),
    );
    expect(await failureOf(loadUrl(URL_))).toEqual({ code: 'fetch-failed', url: URL_, detail: 'HTTP 404' });
  });

  it('requests the one origin of the PDF, and nothing for an address it cannot read', async () => {
    permissions.request.mockResolvedValue(true);
    expect(await requestAccess(URL_)).toBe(true);
    expect(permissions.request).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
    expect(await requestAccess('file:///tmp/a.pdf')).toBe(false);
    expect(permissions.request).toHaveBeenCalledTimes(1);
  });
});
