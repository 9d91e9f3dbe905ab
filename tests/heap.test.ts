import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFiles, DEFAULT_HEAP_MB, stageHeap } from '../src/lib/publish/heap.ts';

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
