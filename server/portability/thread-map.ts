/**
 * Which of our threads a source thread becomes. The rule (README "Import, export and erasure"):
 * 1. a mapping file entry for the source's URL, else for its source id, names the thread id;
 * 2. else the path of its URL: percent-escapes decoded, trailing slashes removed, "/" for the
 *    home page; query and fragment dropped. `https://news.example/2020/02/story/` becomes
 *    `/2020/02/story`. Isso stores paths, which are taken the same way.
 * The result must pass the contract's checkThread, or the thread's comments are skipped.
 */
import { readFile } from 'node:fs/promises';
import { checkThread } from '../../src/internal/contract.js';
import { ImportError, type SourceThread } from './formats/types.js';

export type ThreadMap = Record<string, string>;

export function threadIdFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url, 'http://relative.invalid').pathname;
  } catch {
    return null;
  }
  try {
    path = decodeURIComponent(path);
  } catch {
    /* keeps the escapes of a path that is not UTF-8 */
  }
  path = path.replace(/\/+$/, '');
  return path || '/';
}

/** The thread id for a source thread, or why it has none. */
export function mapThread(thread: SourceThread, map: ThreadMap): { id: string } | { problem: string } {
  const named = (thread.url !== null && Object.hasOwn(map, thread.url) ? map[thread.url] : undefined) ?? (Object.hasOwn(map, thread.sourceId) ? map[thread.sourceId] : undefined);
  const id = named ?? thread.threadId ?? (thread.url ? threadIdFromUrl(thread.url) : null);
  if (id === null) return { problem: thread.url ? `no thread id can be made from its URL ${JSON.stringify(thread.url)}` : 'it has no URL and no mapping entry' };
  const problem = checkThread(id);
  return problem ? { problem: `thread id ${JSON.stringify(id)}: ${problem}` } : { id };
}

/** Reads a mapping file: a JSON object from source URL or source thread id to our thread id. */
export async function readThreadMap(file: string): Promise<ThreadMap> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ImportError(`cannot read the mapping file ${file}: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ImportError('the mapping file must hold one JSON object {"source URL or id": "thread id"}');
  const map: ThreadMap = Object.create(null);
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') throw new ImportError(`the mapping file's entry ${JSON.stringify(key)} is not a string`);
    const problem = checkThread(value);
    if (problem) throw new ImportError(`the mapping file's entry ${JSON.stringify(key)}: ${problem}`);
    map[key] = value;
  }
  return map;
}
