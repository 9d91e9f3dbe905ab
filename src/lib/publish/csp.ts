/**
 * A Content-Security-Policy on every page, as a `<meta http-equiv>`: a static host sends no headers of its own.
 * Scripts run only from the site's own files and the site's own inline scripts, each allowed by its hash. Only
 * scripts the site's components mark `data-site` are hashed: a script that got into a page any other way (a text
 * the reading missed) has no hash and does not run. Pagefind's search compiles WebAssembly ('wasm-unsafe-eval').
 * Styles may be inline (Plot's SVG and the inlined stylesheet carry them); nothing runs from them.
 * `frame-ancestors` cannot be set by a meta element: the README gives the server's header for that.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { urlPath } from '../files/paths.ts';

const OWN_SCRIPT = /<script data-site(?:="")?>([\s\S]*?)<\/script>/g;
// Embeds of a release frozen before the scripts were marked: their scripts are the site's own, kept byte for byte.
const FROZEN_SCRIPT = /<script(?: data-site(?:="")?)?>([\s\S]*?)<\/script>/g;
const HAS_POLICY = /<meta http-equiv="Content-Security-Policy"/i;

/** The policy of a page whose own inline scripts are `scripts` (their exact text). */
export function policy(scripts: readonly string[]): string {
  const hashes = [...new Set(scripts.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`))].sort();
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${hashes.map((h) => ` ${h}`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The page with its policy as the first element of `<head>` (after the charset), so that it covers every script. */
export function withPolicy(html: string, frozen = false): string {
  if (HAS_POLICY.test(html)) return html;
  const head = html.indexOf('<head>');
  if (head < 0) return html;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy([...html.matchAll(frozen ? FROZEN_SCRIPT : OWN_SCRIPT)].map((m) => m[1]))}">`;
  const charset = /<meta charset="[^"]*">/i.exec(html.slice(head, head + 400));
  const at = charset ? head + charset.index + charset[0].length : head + '<head>'.length;
  return html.slice(0, at) + meta + html.slice(at);
}

/** Adds the policy to every page of the site folder (`frozen`: the releases whose embeds were unpacked); returns how many pages got one. */
export function addPolicies(siteDir: string, frozen: readonly string[] = []): number {
  let n = 0;
  for (const rel of readdirSync(siteDir, { recursive: true }) as string[]) {
    if (!rel.endsWith('.html')) continue;
    const path = join(siteDir, rel);
    const html = readFileSync(path, 'utf8');
    const [top, release] = urlPath(rel).split('/');
    const out = withPolicy(html, top === 'embed' && frozen.includes(release));
    if (out !== html) {
      writeFileSync(path, out);
      n++;
    }
  }
  return n;
}
