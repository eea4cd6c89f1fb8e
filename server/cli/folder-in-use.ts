/**
 * Whether another process has files of the embedded database's folder open (PGlite keeps its
 * relation and WAL files open while it runs). Two processes on one PGlite folder corrupt it, so
 * the command refuses to start. Linux only (/proc); elsewhere it answers null (unknown). The data
 * folder lock of the operations work makes this check redundant once merged.
 */
import { readdirSync, readlinkSync } from 'node:fs';
import { resolve, sep } from 'node:path';

export function processHoldingFolder(dir: string): number | null {
  const root = resolve(dir);
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid);
  } catch {
    return null;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (target === root || target.startsWith(root + sep)) return Number(pid);
      } catch {
        /* closed meanwhile */
      }
    }
  }
  return null;
}
