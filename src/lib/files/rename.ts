/** Renames that survive a folder held for a moment by another program. */

/**
 * Windows refuses to rename a folder for a moment while an indexer, an
 * antivirus or an open Explorer window holds it: try again for a few seconds.
 */
export function retrying(op: () => void, tries = 20): void {
  for (let i = 1; ; i++) {
    try {
      return op();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (i >= tries || !(code === 'EPERM' || code === 'EBUSY' || code === 'EACCES')) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50 * i);
    }
  }
}
