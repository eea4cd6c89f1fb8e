/**
 * importComments: brings comments from another system (or our own export) into the store.
 *
 * The file is read twice, streamed both times: first to the end without writing, so a truncated,
 * malformed or wrong-format file is refused with nothing written; then for real, in batches of
 * one transaction each. Every source comment has a stable key (format:source id) kept in
 * import_sources, so a second import adds nothing and an import killed half way resumes where its
 * last committed batch ended. Deterministic ids (a hash of the key) make a batch retried after a
 * crash insert the very same rows.
 */
import { createHash } from 'node:crypto';
import { isEmail, type Status } from '../../src/internal/contract.js';
import type { Announced, Queryable, Store } from '../store.js';
import { READERS } from './formats/index.js';
import { FORMATS, ImportError, type Format, type Input, type SourceComment, type SourceItem } from './formats/types.js';
import { mapThread, type ThreadMap } from './thread-map.js';

export { FORMATS, ImportError, type Format, type Input };

export interface ImportOptions {
  /** Source URL or source thread id → our thread id (thread-map.ts). */
  map?: ThreadMap;
  /** Comments per transaction; default 500. */
  batchSize?: number;
  /** Called after each committed batch with the comments read so far. */
  onProgress?: (read: number) => void;
}

export type StoredStatus = Status | 'removed';

export interface ImportReport {
  format: Format;
  /** Comments in the file that could be imported. */
  read: number;
  /** Comments written by this run. */
  added: number;
  /** Comments found already imported (an earlier or interrupted run), or erased since. */
  alreadyImported: number;
  /** Added comments per thread id and status. */
  byThread: Record<string, Partial<Record<StoredStatus, number>>>;
  /** Records of the file that were not imported, with why. */
  skipped: { item: string; why: string }[];
  /** Comments imported with a change (a reply moved up, an email dropped), with what and why. */
  notes: { item: string; note: string }[];
}

/** A source thread as mapped: our id and its metadata (written once), or why it has none. */
type ThreadEntry = { id: string; title: string | null; url: string | null; written: boolean } | { problem: string };

interface Pending extends SourceComment {
  key: string;
  thread: string;
  createdIso: string;
}

const keyOf = (format: Format, sourceId: string) => `${format}:${sourceId}`;
const idOf = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 22);

function isoDate(value: string): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  // PostgreSQL stores years 4713 BC to 294276 AD; comments are written from 1990 on.
  if (Number.isNaN(ms) || ms < Date.UTC(1990, 0, 1) || ms > Date.now() + 86_400_000) return null;
  return new Date(ms).toISOString();
}

/** Reads the whole file without writing anything, so that a broken file fails before any batch. */
async function validate(format: Format, input: Input): Promise<void> {
  for await (const _ of READERS[format](input)) {
    /* ImportError on a broken file */
  }
}

export async function importComments(store: Store, format: Format, input: Input, options: ImportOptions = {}): Promise<ImportReport> {
  if (!FORMATS.includes(format)) throw new ImportError(`unknown format "${format}": use one of ${FORMATS.join(', ')}`);
  await validate(format, input);
  const map = options.map ?? Object.create(null);
  const batchSize = options.batchSize ?? 500;
  const report: ImportReport = { format, read: 0, added: 0, alreadyImported: 0, byThread: Object.create(null), skipped: [], notes: [] };
  const threads = new Map<string, ThreadEntry>();
  let batch: Pending[] = [];
  // Replies met before their parent: tried again at the end.
  let orphans: Pending[] = [];

  const take = (item: SourceItem) => {
    if (item.kind === 'skip') return report.skipped.push({ item: item.item, why: item.why });
    if (item.kind === 'thread') {
      const mapped = mapThread(item, map);
      threads.set(item.sourceId, 'id' in mapped ? { ...mapped, title: item.title, url: item.url, written: false } : mapped);
      return;
    }
    const key = keyOf(format, item.sourceId);
    const thread = threads.get(item.threadSourceId) ?? (format === 'json' ? mapJsonThread(item.threadSourceId) : undefined);
    if (!thread) return report.skipped.push({ item: key, why: `its thread ${item.threadSourceId} is not in the file` });
    if ('problem' in thread) return report.skipped.push({ item: key, why: `its thread cannot be mapped: ${thread.problem}` });
    const createdIso = isoDate(item.createdAt);
    if (!createdIso) return report.skipped.push({ item: key, why: `invalid creation date ${JSON.stringify(item.createdAt)}` });
    let email = item.email;
    if (email && !isEmail(email)) {
      report.notes.push({ item: key, note: `email ${JSON.stringify(email)} is not valid: imported without an email` });
      email = '';
    }
    report.read++;
    batch.push({ ...item, email, key, thread: thread.id, createdIso });
  };
  // Our own export may name a thread that has no metadata: it is its own id.
  const mapJsonThread = (id: string) => {
    const mapped = mapThread({ kind: 'thread', sourceId: id, threadId: id, url: null, title: null }, map);
    const entry = 'id' in mapped ? { ...mapped, title: null, url: null, written: true } : mapped;
    threads.set(id, entry);
    return entry;
  };

  const flush = async (final: boolean) => {
    const work = batch;
    batch = [];
    if (!work.length) return;
    const announced = await store.db.transaction((tx) => writeBatch(store, tx, format, work, threads, report, final, orphans));
    await store.othersDropped(announced);
    options.onProgress?.(report.read);
  };

  for await (const item of READERS[format](input)) {
    take(item);
    if (batch.length >= batchSize) await flush(false);
  }
  await flush(false);
  // Orphans whose parent came later in the file: once more, then as top-level comments.
  for (const final of [false, true]) {
    const retry = orphans;
    orphans = [];
    for (let i = 0; i < retry.length; i += batchSize) {
      batch = retry.slice(i, i + batchSize);
      await flush(final);
    }
  }
  return report;
}


async function writeBatch(
  store: Store,
  tx: Queryable,
  format: Format,
  work: Pending[],
  threads: Map<string, ThreadEntry>,
  report: ImportReport,
  final: boolean,
  orphans: Pending[],
): Promise<Announced[]> {
  const keys = work.map((c) => c.key);
  const parentKeys = work.flatMap((c) => (c.parentSourceId === null ? [] : [keyOf(format, c.parentSourceId)]));
  const { rows: known } = await tx.query<{ source_key: string; id: string | null; parent_id: string | null; thread: string | null }>(
    `SELECT s.source_key, c.id, c.parent_id, c.thread
     FROM import_sources s LEFT JOIN comments c ON c.id = s.comment_id
     WHERE s.source_key = ANY($1::text[])`,
    [[...keys, ...parentKeys]],
  );
  const found = new Map(known.map((r) => [r.source_key, r]));
  const inBatch = new Map<string, { id: string; top: string; thread: string }>();
  const rows: { id: string; key: string; c: Pending; parent: string | null }[] = [];
  for (const c of work) {
    if (found.has(c.key) || inBatch.has(c.key)) {
      report.alreadyImported++;
      continue;
    }
    const id = c.id ?? idOf(c.key);
    let parent: string | null = null;
    if (c.parentSourceId !== null) {
      const pk = keyOf(format, c.parentSourceId);
      const stored = found.get(pk);
      // An earlier comment of this batch, or one already stored: `top` is where a reply to it goes.
      const p = inBatch.get(pk) ?? (stored?.id ? { id: stored.id, top: stored.parent_id ?? stored.id, thread: stored.thread! } : undefined);
      // Not met yet: later in the file, perhaps. A parent erased since (its key kept, no comment) never comes.
      const erased = stored !== undefined && stored.id === null;
      if (!p && !final && !erased) {
        orphans.push(c);
        continue;
      }
      if (!p) report.notes.push({ item: c.key, note: `its parent ${c.parentSourceId} is not in the file or was erased: imported as a top-level comment` });
      else if (p.thread !== c.thread) report.notes.push({ item: c.key, note: `its parent ${c.parentSourceId} is on another thread: imported as a top-level comment` });
      else {
        parent = p.top;
        if (p.top !== p.id) report.notes.push({ item: c.key, note: `a reply to a reply: attached to the top-level comment it answers` });
      }
    }
    inBatch.set(c.key, { id, top: parent ?? id, thread: c.thread });
    rows.push({ id, key: c.key, c, parent });
  }
  if (!rows.length) return [];

  const shown = new Set<string>();
  for (const t of threads.values()) {
    if ('problem' in t || t.written || !rows.some((r) => r.c.thread === t.id)) continue;
    // The source's title and URL fill in what the thread does not have yet; our own export restores them.
    await tx.query(
      `INSERT INTO threads (thread, title, url, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (thread) DO UPDATE SET title = COALESCE(threads.title, EXCLUDED.title), url = COALESCE(threads.url, EXCLUDED.url)`,
      [t.id, t.title, t.url],
    );
    t.written = true;
  }
  const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
  // One statement for the batch: the foreign key from a reply to its parent in the same batch is
  // checked at the statement's end. An id already present (our own export imported where it came
  // from) is left as it is.
  const { rows: inserted } = await tx.query<{ id: string }>(
    `INSERT INTO comments (id, thread, parent_id, author, email, body, status, reason, token_hash, created_at, decided_at)
     SELECT id, thread, parent_id, author, email, body, status, reason, '', created_at, decided_at
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[])
       AS t(id, thread, parent_id, author, email, body, status, reason, created_at, decided_at)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [
      col((r) => r.id),
      col((r) => r.c.thread),
      col((r) => r.parent),
      col((r) => r.c.author),
      col((r) => r.c.email),
      col((r) => r.c.text),
      col((r) => r.c.status),
      col((r) => r.c.reason ?? null),
      col((r) => r.c.createdIso),
      col((r) => (r.c.decidedAt ? isoDate(r.c.decidedAt) : null)),
    ],
  );
  const added = new Set(inserted.map((r) => r.id));
  await tx.query(
    `INSERT INTO import_sources (source_key, comment_id, imported_at)
     SELECT key, id, now() FROM unnest($1::text[], $2::text[]) AS t(key, id)
     ON CONFLICT (source_key) DO NOTHING`,
    [col((r) => r.key), col((r) => r.id)],
  );
  for (const r of rows) {
    if (!added.has(r.id)) {
      report.alreadyImported++;
      continue;
    }
    report.added++;
    const counts = (report.byThread[r.c.thread] ??= {});
    counts[r.c.status] = (counts[r.c.status] ?? 0) + 1;
    if (r.c.status === 'approved') shown.add(r.c.thread);
  }
  const announced: Announced[] = [];
  for (const thread of shown) announced.push(await store.announceChange(tx, thread));
  return announced;
}
