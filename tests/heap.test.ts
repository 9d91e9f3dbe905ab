import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFiles, DEFAULT_HEAP_MB, stageHeap } from '../src/lib/publish/heap.ts';
import { Progress } from '../src/lib/publish/progress.ts';

const MB = 1048576;
const GB = 1024 * MB;

describe('the heap of a build stage', () => {
  it('is the default for a municipality and for a region of the bench’s size', () => {
    expect(stageHeap({}, { bytes: 3 * MB }, 8 * GB)).toEqual({ mb: DEFAULT_HEAP_MB, why: '' });
    expect(stageHeap({}, { bytes: 66 * MB }, 8 * GB).mb).toBe(DEFAULT_HEAP_MB);
  });

  it('grows with the data files, and says so', () => {
    const h = stageHeap({}, { bytes: 200 * MB }, 8 * GB);
    // (250 + 4 · 200) / 0,75 = 1400.
    expect(h.mb).toBe(1400);
    expect(h.why).toContain('200 МБ файлов данных');
  });

  it('takes no more than the computer has free, and tells the person to close other programs', () => {
    const h = stageHeap({}, { bytes: 200 * MB }, 1.5 * GB);
    expect(h.mb).toBe(1000);
    expect(h.why).toMatch(/нужно около 1400 МБ, но свободно только 1536 МБ: закройте другие программы/);
    // Never below the default, however little is free: the default is what every build needs.
    expect(stageHeap({}, { bytes: 200 * MB }, 0.5 * GB).mb).toBe(DEFAULT_HEAP_MB);
  });

  it('is what MSOKO_HEAP_MB says when it is set', () => {
    expect(stageHeap({ MSOKO_HEAP_MB: '600' }, { bytes: 200 * MB }, 8 * GB)).toEqual({ mb: 600, why: 'задано переменной MSOKO_HEAP_MB' });
    expect(stageHeap({ MSOKO_HEAP_MB: 'много' }, { bytes: MB }, 8 * GB).mb).toBe(DEFAULT_HEAP_MB);
  });

  it('counts the data files, not the frozen releases, and names the largest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heap-'));
    mkdirSync(join(dir, 'results', '2025'), { recursive: true });
    mkdirSync(join(dir, 'releases', '2025'), { recursive: true });
    writeFileSync(join(dir, 'schools.csv'), 'x'.repeat(100));
    writeFileSync(join(dir, 'results', '2025', 'oge.csv'), 'x'.repeat(1000));
    writeFileSync(join(dir, 'releases', '2025', 'embeds.zip'), 'x'.repeat(5000));
    expect(dataFiles(dir)).toEqual({ bytes: 1100, largest: { path: join('results', '2025', 'oge.csv'), bytes: 1000 } });
  });
});

describe('a table read from a file', () => {
  // V8 keeps a substring of 13 characters or more as a view into its parent: one header label kept for messages
  // held a whole file's text until the end of the build (a region's files: about 130 MB of its heap).
  it('keeps nothing of the file’s text once read', () => {
    const script = `
      import { readTable } from ${JSON.stringify(join(process.cwd(), 'src/lib/data/table.ts'))};
      import { ident, int } from ${JSON.stringify(join(process.cwd(), 'src/lib/data/cells.ts'))};
      import { IssueLog } from ${JSON.stringify(join(process.cwd(), 'src/lib/data/issues.ts'))};
      const spec = { columns: { school_id: { cell: ident(), required: true, aliases: ['Код образовательной организации'] }, score: { cell: int(0), required: true, aliases: ['Первичный балл участника'] } } };
      const text = (k) => {
        const lines = ['Код образовательной организации;Первичный балл участника;Комментарий к строке'];
        for (let i = 0; i < 30000; i++) lines.push('1' + String(i % 50).padStart(3, '0') + ';' + ((i + k) % 30) + ';' + 'примечание '.repeat(20));
        return lines.join('\\n');
      };
      globalThis.gc(); const before = process.memoryUsage().heapUsed;
      const kept = []; let textMb = 0;
      for (let k = 0; k < 4; k++) {
        const t = text(k);
        textMb = (t.length * 2) / 1048576;
        kept.push({ written: {}, rows: undefined });
        kept[k].rows = readTable('results/2025/x' + k + '.csv', t, spec, new IssueLog(), kept[k].written);
      }
      globalThis.gc(); globalThis.gc();
      const keptMb = (process.memoryUsage().heapUsed - before) / 1048576;
      console.log(JSON.stringify({ rows: kept.reduce((a, x) => a + x.rows.length, 0), textMb, keptMb, written: kept[3].written }));
    `;
    const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop()!);
    expect(r.rows).toBe(120000);
    expect(r.written).toEqual({ school_id: 'Код образовательной организации', score: 'Первичный балл участника' });
    // Four files of 13 MB of text each; their rows take about 4 MB. V8 may hold on to the text of the last file
    // read until the next (a cache of its own): one text at most, never four.
    expect(r.textMb).toBeGreaterThan(12);
    expect(r.keptMb).toBeLessThan(2 * r.textMb);
  });
});

describe('the progress line of a stage', () => {
  it('counts the rate and the time left from the stage’s own work, not from what was done before it', async () => {
    const lines: string[] = [];
    const out = { isTTY: false, write: (s: string) => lines.push(s) } as unknown as NodeJS.WriteStream;
    await new Progress(out, 0).stage('Картинки PNG', async (tick) => {
      await new Promise((r) => setTimeout(r, 200));
      // 900 pictures were drawn beside earlier stages; this one drew 100 in 0,2 s of the 2 000.
      tick(1000, 2000, 900);
      return 0;
    });
    const m = /\(([\d\s\u202f]+) в секунду, осталось около ([\d,]+) с\)/.exec(lines[0])!;
    expect(Number(m[1].replace(/\D/g, ''))).toBeLessThan(1000);
    expect(Number(m[2].replace(',', '.'))).toBeGreaterThan(1);
  });
  it('never counts past its total, nor a negative time left, when the total was an estimate', async () => {
    const lines: string[] = [];
    const out = { isTTY: false, write: (s: string) => lines.push(s) } as unknown as NodeJS.WriteStream;
    await new Progress(out, 0).stage('Страницы', async (tick) => {
      tick(0, 7177);
      await new Promise((r) => setTimeout(r, 50));
      tick(7179, 7177);
      return 0;
    });
    expect(lines[0]).toBe('Страницы: 0 из 7177 (0 в секунду)\n');
    expect(lines[1]).toMatch(/^Страницы: 7179 \([\d\u202f]+ в секунду, почти готово\)\n$/);
  });
});
