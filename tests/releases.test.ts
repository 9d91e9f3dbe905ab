/** Releases that last: frozen into the data folder, published byte for byte by every later build. */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from './helpers/build.ts';
import { toCp1251 } from './helpers/fixture.ts';
import { independentMunicipality } from './helpers/independent.ts';

const tree = (dir: string): Map<string, string> => {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return out;
};

describe('a release frozen, dist/ deleted, the data changed, a new release built', () => {
  const data = independentMunicipality();
  const work = mkdtempSync(join(tmpdir(), 'msoko-rel-'));
  const first = join(work, 'first');
  const second = join(work, 'second');
  const freeze = (out: string, release: string) => runBuild(data, out, { MSOKO_RELEASE: release }, 'build.ts', ['--freeze']);

  it("keeps the old release's embeds, byte for byte, from the data folder alone", () => {
    const a = freeze(first, 'r1');
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toContain('Выпуск r1 зафиксирован');
    expect(existsSync(join(data, 'releases', 'r1', 'release.json'))).toBe(true);
    const frozen = tree(join(first, 'embed', 'r1'));
    expect(frozen.size).toBeGreaterThan(5);
    rmSync(first, { recursive: true });
    // A new season's correction: one more graduate in the Russian ЕГЭ of the first school.
    const ege = readdirSync(join(data, 'results')).sort().reverse()[0];
    appendFileSync(join(data, 'results', ege, 'ege.csv'), toCp1251('9999;01;Русский язык;100;ВТГ\r\n'));
    const r1Numbers = readFileSync(join(data, 'releases', 'r1', 'numbers.json.br'));
    // A published value changed: the build stops and names it until the correction is on record.
    const stopped = freeze(second, 'r2');
    expect(stopped.status).toBe(1);
    const said = stopped.stdout + stopped.stderr;
    // In the words of the site: the indicator's name, the subject, the school, decimal commas.
    expect(said).toMatch(
      /Изменились числа, уже опубликованные в выпуске r1 \(\d+\u00a0значени[йея]\):\n[^]*\n  ЕГЭ, средний балл, русский язык, Школа [^\n]+, 2022: \d+,\d\d → \d+,\d\d\n/,
    );
    expect(existsSync(join(second, 'index.html'))).toBe(false);
    // The correction pasted as printed, under «corrections:»…
    const block = said.slice(said.indexOf('  - date: ')).split('\n').slice(0, 3).join('\n');
    expect(block).toMatch(/^  - date: \d{4}-\d\d-\d\d\n    release: "r2"\n    text: "Исправлено: /);
    // …with the sample text replaced by what was corrected (the sample itself is refused).
    appendFileSync(
      join(data, 'site.yaml'),
      `corrections:\n${block.replace(/text: ".*"/, 'text: "Исправлено: добавлен пропущенный участник по протоколу"')}\n`,
    );
    const b = freeze(second, 'r2');
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/Что изменилось по сравнению с выпуском r1: \d+\u00a0опубликованн/);
    // r1's numbers are as frozen: any later build, on any machine, compares with them.
    expect(readFileSync(join(data, 'releases', 'r1', 'numbers.json.br'))).toEqual(r1Numbers);
    expect(tree(join(second, 'embed', 'r1'))).toEqual(frozen);
    expect(existsSync(join(second, 'embed', 'r2'))).toBe(true);
    expect(JSON.parse(readFileSync(join(second, 'embed', 'releases.json'), 'utf8'))).toEqual(['r1', 'r2']);
    // The old release says what it is and links to the live chart.
    const page = [...frozen.keys()].find((k) => k.endsWith('index.html'))!;
    // Each archived chart is embeddable by oEmbed as itself: its page links its own oembed.json, which embeds the archived copy.
    const own = Buffer.from(frozen.get(page)!, 'base64').toString();
    const oembed = /type="application\/json\+oembed" href="[^"]*\/embed\/r1\/([^/]+)\/oembed\.json"/.exec(own);
    expect(oembed).not.toBeNull();
    expect(JSON.parse(Buffer.from(frozen.get(page.replace('index.html', 'oembed.json'))!, 'base64').toString()).html).toContain(
      `/embed/r1/${oembed![1]}/`,
    );
    expect(Buffer.from(frozen.get(page)!, 'base64').toString()).toMatch(/Архивная версия от \d+\u00a0\S+ \d{4}\u00a0г\. \(выпуск r1\)/);
    // The release record lists both.
    const record = readFileSync(join(second, 'releases', 'index.html'), 'utf8');
    expect(record).toContain('Выпуск r2');
    expect(record).toMatch(/<th scope="row">r1<\/th>/);
    // What r2 changed, with both values, in the log and as a CSV.
    const changes = record.slice(record.indexOf('id="changes-r2"'));
    expect(changes).toMatch(/<td>2022<\/td>[^]*?<td class="num">\d+,\d\d<\/td><td class="num">\d+,\d\d<\/td>/);
    expect(changes).toContain('ЕГЭ: средний балл');
    expect(record).toMatch(/\(выпуск r2\): Исправлено: добавлен пропущенный участник по протоколу/);
    expect(readFileSync(join(second, 'releases', 'r2-changes.csv'), 'utf8')).toMatch(
      /^release,since,indicator,year,school_id,subject,grade,period,task,old_value,new_value\n[^]*r2,r1,ege\.mean,2022,01,rus,,,,\d+\.\d\d,\d+\.\d\d\n/,
    );
  });
  it('never changes a frozen release: freezing it again stops and leaves dist/ alone', () => {
    const before = tree(second);
    const c = freeze(second, 'r2');
    expect(c.status).toBe(1);
    expect(c.stderr).toContain('Выпуск r2 уже зафиксирован');
    expect(tree(second)).toEqual(before);
  });
  it('moves its frozen embeds with the site: under /edu/ every link of every archived embed leads to a file', () => {
    const third = join(work, 'third');
    const c = runBuild(data, third, { MSOKO_RELEASE: 'r2', SITE_BASE: '/edu/' });
    expect(c.status, c.stderr).toBe(0);
    const site = new URL(readFileSync(join(third, 'robots.txt'), 'utf8').match(/Sitemap: (\S+)/)![1]).origin;
    let followed = 0;
    for (const release of ['r1', 'r2'])
      for (const [rel] of tree(join(third, 'embed', release))) {
        if (!rel.endsWith('.html')) continue;
        const html = readFileSync(join(third, 'embed', release, rel), 'utf8');
        for (const [, link] of html.matchAll(/(?:href|src)="([^"#]+)"/g)) {
          const url = new URL(link.replaceAll('&amp;', '&'), `${site}/edu/embed/${release}/${rel}`);
          if (url.origin !== site) continue;
          expect(url.pathname, `${release}/${rel}: ${link}`).toMatch(/^\/edu\//);
          const path = join(third, decodeURIComponent(url.pathname.slice('/edu/'.length)));
          expect(
            existsSync(path.endsWith('/') || !/\.\w+$/.test(path) ? join(path, 'index.html') : path),
            `${release}/${rel}: ${link}`,
          ).toBe(true);
          followed++;
        }
      }
    expect(followed).toBeGreaterThan(20);
  });
});
