import { describe, expect, it } from 'vitest';
import { looseKey, pageKey, siteOf } from './page';

describe('pageKey', () => {
  it('drops the fragment only', () => {
    expect(pageKey('https://a.gov.cn/p?id=1#sec2')).toBe('https://a.gov.cn/p?id=1');
    expect(pageKey('https://a.gov.cn/p')).toBe('https://a.gov.cn/p');
  });
});

describe('siteOf', () => {
  it('gives the host name, or nothing for what is not a URL', () => {
    expect(siteOf('https://www.gov.cn/zhengce/1.htm')).toBe('www.gov.cn');
    expect(siteOf('not a url')).toBe('');
  });
});

describe('looseKey', () => {
  it('is the same across http→https, www., a trailing slash, a query and a fragment', () => {
    const key = looseKey('https://www.gov.cn/zhengce/2024/');
    for (const other of ['http://gov.cn/zhengce/2024', 'https://WWW.gov.cn/zhengce/2024?from=rss', 'https://www.gov.cn/zhengce/2024/#top']) {
      expect(looseKey(other)).toBe(key);
    }
  });

  it('tells different paths and ports apart', () => {
    expect(looseKey('https://gov.cn/a')).not.toBe(looseKey('https://gov.cn/b'));
    expect(looseKey('http://127.0.0.1:8080/a')).not.toBe(looseKey('http://127.0.0.1:9090/a'));
  });

  it('keeps non-web addresses as they are (less the fragment)', () => {
    expect(looseKey('file:///tmp/x.pdf#page=2')).toBe('file:///tmp/x.pdf');
  });
});
