/**
 * Our own export (server/portability/document.ts), read with a streaming JSON parser: only the
 * thread or comment being read is in memory.
 */
import { JSONParser } from '@streamparser/json';
import { isReason } from '../../../src/internal/contract.js';
import { isObject } from '../../validate.js';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from '../document.js';
import { textChunks } from './open-input.js';
import { ImportError, type Input, type SourceComment, type SourceItem } from './types.js';

const STATUSES = new Set(['pending', 'approved', 'rejected', 'removed']);
// The ids the service makes (and its cursors accept): docs/comments-export.schema.json.
const COMMENT_ID = /^[\w-]{1,100}$/;
const nullableString = (v: unknown) => v === null || typeof v === 'string';

function comment(value: unknown, index: number): SourceItem {
  const item = `json:comments[${index}]`;
  if (!isObject(value)) return { kind: 'skip', item, why: 'not an object' };
  const v = value;
  for (const field of ['id', 'thread', 'author', 'email', 'text', 'createdAt']) {
    if (typeof v[field] !== 'string') return { kind: 'skip', item, why: `${field} is not a string` };
  }
  if (!COMMENT_ID.test(v.id as string)) return { kind: 'skip', item, why: `id ${JSON.stringify(v.id)} is not a comment id (letters, digits, _ and -)` };
  if (!nullableString(v.parentId)) return { kind: 'skip', item, why: 'parentId is neither a string nor null' };
  if (!STATUSES.has(v.status as string)) return { kind: 'skip', item, why: `unknown status ${JSON.stringify(v.status)}` };
  if (v.reason !== null && v.reason !== undefined && !isReason(v.reason)) return { kind: 'skip', item, why: `unknown reason ${JSON.stringify(v.reason)}` };
  if (v.decidedAt !== undefined && !nullableString(v.decidedAt)) return { kind: 'skip', item, why: 'decidedAt is neither a string nor null' };
  return {
    kind: 'comment',
    id: v.id as string,
    sourceId: v.id as string,
    threadSourceId: v.thread as string,
    parentSourceId: (v.parentId as string | null) ?? null,
    author: v.author as string,
    email: v.email as string,
    text: v.text as string,
    createdAt: v.createdAt as string,
    status: v.status as SourceComment['status'],
    reason: (v.reason as SourceComment['reason']) ?? null,
    decidedAt: (v.decidedAt as string | null) ?? null,
  };
}

export async function* readJson(input: Input): AsyncGenerator<SourceItem> {
  const parser = new JSONParser({ paths: ['$.format', '$.version', '$.threads.*', '$.comments.*'], keepStack: false });
  const ready: SourceItem[] = [];
  let format: unknown;
  let version: unknown;
  let failure: Error | null = null;
  const checkHeader = () => {
    if (format !== undefined && format !== DOCUMENT_FORMAT) failure ??= new ImportError(`not a ${DOCUMENT_FORMAT} export: its format is ${JSON.stringify(format)}`);
    if (version !== undefined && version !== DOCUMENT_VERSION) failure ??= new ImportError(`unsupported export version ${JSON.stringify(version)} (this service reads ${DOCUMENT_VERSION})`);
  };
  parser.onValue = ({ value, key, stack }) => {
    const section = stack[1]?.key;
    if (stack.length === 1 && key === 'format') format = value;
    else if (stack.length === 1 && key === 'version') version = value;
    else if (section === 'threads') {
      const t = value as Record<string, unknown>;
      if (!isObject(t) || typeof t.id !== 'string' || !nullableString(t.title ?? null) || !nullableString(t.url ?? null)) {
        ready.push({ kind: 'skip', item: `json:threads[${String(key)}]`, why: 'not a thread object with a string id' });
      } else {
        ready.push({ kind: 'thread', sourceId: t.id, threadId: t.id, url: (t.url as string | null) ?? null, title: (t.title as string | null) ?? null });
      }
    } else if (section === 'comments') ready.push(comment(value, Number(key)));
    checkHeader();
  };
  parser.onError = (error) => {
    failure ??= new ImportError(`not a well-formed JSON export: ${error.message}`);
  };
  for await (const chunk of textChunks(input)) {
    parser.write(chunk);
    if (failure) throw failure;
    yield* ready.splice(0);
  }
  if (!parser.isEnded) parser.end();
  if (failure) throw failure;
  if (format === undefined) throw new ImportError(`not a ${DOCUMENT_FORMAT} export: it has no "format" field`);
  yield* ready.splice(0);
}
