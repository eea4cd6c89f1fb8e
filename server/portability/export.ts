/**
 * Export (GDPR articles 15 and 20): a thread, the whole site or one commenter as the JSON document
 * of document.ts, produced as a stream of text chunks. Comments are read with a keyset cursor a
 * page at a time, so memory does not grow with their number: top-level comments first, then
 * replies, each oldest first, so an importer always meets a parent before its replies.
 */
import type { Queryable } from '../store.js';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, type ExportedComment, type ExportedThread, type Scope } from './document.js';

const PAGE = 1000;

const iso = (value: unknown) => (value === null || value === undefined ? null : (value instanceof Date ? value : new Date(String(value))).toISOString());

/** The SQL condition selecting the scope's comments over alias `c`, its parameter numbered `n`. */
function scopeFilter(scope: Scope, n: number): { where: string; params: unknown[] } {
  if ('thread' in scope) return { where: `c.thread = $${n}`, params: [scope.thread] };
  if ('email' in scope) return { where: `lower(c.email) = lower($${n})`, params: [scope.email.trim()] };
  return { where: `true`, params: [] };
}

async function* threads(db: Queryable, scope: Scope): AsyncGenerator<ExportedThread> {
  const { where, params } = scopeFilter(scope, 2);
  let after = '';
  for (;;) {
    const { rows } = await db.query<ExportedThread>(
      `SELECT t.thread AS id, t.title, t.url FROM threads t
       WHERE t.thread > $1 AND EXISTS (SELECT 1 FROM comments c WHERE c.thread = t.thread AND ${where})
       ORDER BY t.thread LIMIT ${PAGE}`,
      [after, ...params],
    );
    for (const r of rows) yield { id: r.id, title: r.title ?? null, url: r.url ?? null };
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.id;
  }
}

interface CommentRow {
  id: string;
  thread: string;
  parent_id: string | null;
  author: string;
  email: string;
  body: string;
  status: ExportedComment['status'];
  reason: ExportedComment['reason'];
  created_at: unknown;
  decided_at: unknown;
}

async function* comments(db: Queryable, scope: Scope): AsyncGenerator<ExportedComment> {
  const { where, params } = scopeFilter(scope, 1);
  const next = params.length + 1;
  for (const level of ['c.parent_id IS NULL', 'c.parent_id IS NOT NULL']) {
    let cursor: [string, string] | null = null;
    for (;;) {
      const after: string = cursor ? `AND (c.created_at, c.id) > ($${next}::timestamptz, $${next + 1}::text)` : '';
      const { rows }: { rows: CommentRow[] } = await db.query<CommentRow>(
        `SELECT c.id, c.thread, c.parent_id, c.author, c.email, c.body, c.status, c.reason, c.created_at, c.decided_at
         FROM comments c WHERE ${where} AND ${level} ${after} ORDER BY c.created_at, c.id LIMIT ${PAGE}`,
        cursor ? [...params, ...cursor] : params,
      );
      for (const r of rows) {
        yield {
          id: r.id,
          thread: r.thread,
          parentId: r.parent_id,
          author: r.author,
          email: r.email,
          text: r.body,
          status: r.status,
          reason: r.reason ?? null,
          createdAt: iso(r.created_at)!,
          decidedAt: iso(r.decided_at),
        };
      }
      if (rows.length < PAGE) break;
      const last: CommentRow = rows.at(-1)!;
      cursor = [iso(last.created_at)!, last.id];
    }
  }
}

/**
 * The document as text chunks, one thread or comment per line. Each query is its own snapshot: a
 * comment written during a long export may or may not be in it, none is written twice.
 */
export async function* exportComments(db: Queryable, scope: Scope): AsyncGenerator<string> {
  yield `{"format":${JSON.stringify(DOCUMENT_FORMAT)},"version":${DOCUMENT_VERSION},"scope":${JSON.stringify(scope)},"threads":[`;
  let first = true;
  for await (const t of threads(db, scope)) {
    yield `${first ? '' : ','}\n${JSON.stringify(t)}`;
    first = false;
  }
  yield `\n],"comments":[`;
  first = true;
  for await (const c of comments(db, scope)) {
    yield `${first ? '' : ','}\n${JSON.stringify(c)}`;
    first = false;
  }
  yield `\n]}\n`;
}
