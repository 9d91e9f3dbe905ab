import { sep } from 'node:path';

/** Site URLs in one place: every link goes through here, so a sub-path base works everywhere. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\//, '')}`;
}

/** Absolute URL (for embeds, Open Graph): site URL + base + path. */
export function absolute(siteUrl: string, base: string, path: string): string {
  return new URL(withBase(base, path), siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}

/**
 * A file's path relative to the site folder, as the URL path it is served at:
 * Windows gives `schools\105\index.html`, a URL needs `schools/105/index.html`.
 */
export function urlPath(rel: string, separator: string = sep): string {
  return separator === '/' ? rel : rel.split(separator).join('/');
}
