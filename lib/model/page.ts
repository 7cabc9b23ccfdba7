/**
 * A page's identity. Clips are stored by `pageKey` (the address without its #fragment: the same
 * page whatever part of it is shown); `looseKey` finds the clips of the same page reached by a
 * redirect (http→https, a trailing slash, another query), whose quotes then decide.
 */

export interface PageInfo {
  /** pageKey of the page's address. */
  url: string;
  title: string;
  site: string;
}

/** The page's address without its #fragment. */
export function pageKey(href: string): string {
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}

/** Host name of an address, '' when it has none or is not a URL. */
export function siteOf(href: string): string {
  try {
    return new URL(href).hostname;
  } catch {
    return '';
  }
}

/**
 * The same page across redirects: host (lower case, no `www.`) and path without a trailing slash;
 * scheme, query and fragment left out. Web addresses only; anything else is its pageKey.
 */
export function looseKey(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return pageKey(href);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return pageKey(href);
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${url.port ? `:${url.port}` : ''}${path}`;
}
