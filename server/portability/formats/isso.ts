/**
 * An Isso database (SQLite): threads(id, uri, title) and comments(tid, id, parent, created, mode,
 * author, email, text, ...), mode 1 accepted, 2 pending, 4 deleted; `created` is Unix seconds.
 * Read with sql.js (SQLite compiled to WebAssembly), one row at a time; the file itself is held
 * in memory, as sql.js needs.
 */
import initSqlJs, { type Database } from 'sql.js';
import { htmlToText } from '../html-text.js';
import { readWhole } from './open-input.js';
import { ImportError, type Input, type SourceComment, type SourceItem } from './types.js';

const MODES: Record<number, SourceComment['status']> = { 1: 'approved', 2: 'pending', 4: 'rejected' };

async function open(input: Input): Promise<Database> {
  const SQL = await initSqlJs();
  const bytes = await readWhole(input);
  let db: Database | null = null;
  try {
    db = new SQL.Database(bytes);
    const check = db.exec(`PRAGMA quick_check`)[0]?.values[0]?.[0];
    if (check !== 'ok') throw new Error(String(check));
    const tables = new Set(db.exec(`SELECT name FROM sqlite_master WHERE type = 'table'`)[0]?.values.map((v) => String(v[0])) ?? []);
    if (!tables.has('threads') || !tables.has('comments')) throw new ImportError('not an Isso database: it has no threads and comments tables');
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof ImportError) throw error;
    throw new ImportError(`not a readable Isso database (SQLite): ${(error as Error).message}`);
  }
}

function* rows(db: Database, sql: string): Generator<Record<string, unknown>> {
  const statement = db.prepare(sql);
  try {
    while (statement.step()) yield statement.getAsObject();
  } finally {
    statement.free();
  }
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export async function* readIsso(input: Input): AsyncGenerator<SourceItem> {
  const db = await open(input);
  try {
    for (const t of rows(db, `SELECT id, uri, title FROM threads ORDER BY id`)) {
      yield { kind: 'thread', sourceId: str(t.id), url: str(t.uri) || null, title: str(t.title) || null };
    }
    for (const c of rows(db, `SELECT tid, id, parent, created, mode, author, email, text FROM comments ORDER BY id`)) {
      const status = MODES[Number(c.mode)];
      if (!status) {
        yield { kind: 'skip', item: `isso:${str(c.id)}`, why: `unknown mode ${str(c.mode)}` };
        continue;
      }
      const created = Number(c.created);
      yield {
        kind: 'comment',
        sourceId: str(c.id),
        threadSourceId: str(c.tid),
        parentSourceId: c.parent === null || c.parent === undefined ? null : str(c.parent),
        author: str(c.author).trim(),
        email: str(c.email).trim(),
        text: htmlToText(str(c.text)),
        createdAt: c.created !== null && Math.abs(created) < 8.64e12 ? new Date(created * 1000).toISOString() : `Unix time ${str(c.created)}`,
        status,
      };
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`cannot read the Isso database: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}
