/** Site URLs in one place: every link goes through here, so a sub-path base works everywhere. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\//, '')}`;
}

/** Absolute URL (for embeds, Open Graph): site URL + base + path. */
export function absolute(siteUrl: string, base: string, path: string): string {
  return new URL(withBase(base, path), siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}
