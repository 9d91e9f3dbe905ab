/**
 * Every page Astro renders gets its Content-Security-Policy (publish/csp.ts) as it is rendered, from its final HTML:
 * added afterwards, a region's 7 000 pages (500 MB) were read and written again at the end of the build, some 6 s
 * with the other core idle. The embeds of frozen releases, unpacked from data/releases/, get theirs then.
 */
import { defineMiddleware } from 'astro:middleware';
import { withPolicy } from './lib/publish/csp.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  return new Response(withPolicy(await response.text()), { status: response.status, headers: response.headers });
});
