/**
 * Reads a JSON request body. Behind @hono/node-server it reads the Node request stream itself:
 * wrapping it in a web `ReadableStream` first cost about 29 % of the counts route's CPU. A request
 * without a Node stream (`app.request()` in tests, other runtimes) is read through the web stream.
 *
 * JSON is UTF-8 (RFC 8259), and the README promises text stored exactly as sent, so bytes that are
 * not UTF-8 are refused rather than repaired to U+FFFD, and so is a declared charset other than UTF-8.
 */
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { LIMITS } from '../src/internal/contract.js';

export type BodyResult =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413 | 415; code: 'invalid-json' | 'too-large' | 'unsupported-media-type'; message: string; aborted?: true };

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;
const UTF8 = /^"?utf-?8"?$/i;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** `application/json` or `…+json`, with no charset or a UTF-8 one; other parameters are ignored. */
function mediaTypeProblem(header: string): string | null {
  const [type, ...params] = header.split(';').map((s) => s.trim());
  if (!JSON_TYPE.test(type)) return 'Send the body as application/json.';
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq > 0 && param.slice(0, eq).trim().toLowerCase() === 'charset' && !UTF8.test(param.slice(eq + 1).trim())) {
      return 'Send the body as UTF-8 (application/json; charset=utf-8).';
    }
  }
  return null;
}

const tooLarge = (max: number) => ({ ok: false, status: 413, code: 'too-large', message: `The request body must not exceed ${max} bytes.` }) as const;
const aborted = { ok: false, status: 400, code: 'invalid-json', message: 'The request body was not received completely.', aborted: true } as const;

function parse(bytes: Buffer): BodyResult {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { ok: false, status: 400, code: 'invalid-json', message: 'The request body is not valid UTF-8.' };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, code: 'invalid-json', message: 'The request body is not valid JSON.' };
  }
}

/** Collects at most `max` bytes from the Node stream; an upload the client gave up on resolves quietly. */
function readIncoming(incoming: IncomingMessage, max: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (result: Buffer | 'too-large' | 'aborted') => {
      incoming.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        // Stop buffering, but keep draining so the 413 can still be written on this connection.
        incoming.resume();
        done('too-large');
      } else chunks.push(chunk);
    };
    const onEnd = () => done(Buffer.concat(chunks, size));
    const onAbort = () => done('aborted');
    const onClose = () => {
      if (!incoming.complete) done('aborted');
    };
    incoming.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onClose);
  });
}

async function readWeb(request: Request, max: number): Promise<Buffer | 'too-large' | 'aborted'> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return Buffer.concat(chunks, size);
      size += value.byteLength;
      if (size > max) {
        await reader.cancel().catch(() => {});
        return 'too-large';
      }
      chunks.push(value);
    }
  } catch {
    return 'aborted';
  }
}

/**
 * The declared Content-Length is checked first, then the bytes actually received, so neither a
 * large declared body nor a chunked one gets past the limit.
 */
export async function readJsonBody(c: Context<{ Bindings: { incoming?: IncomingMessage } }>, max: number = LIMITS.bodyBytes): Promise<BodyResult> {
  const problem = mediaTypeProblem(c.req.header('content-type') ?? '');
  if (problem) return { ok: false, status: 415, code: 'unsupported-media-type', message: problem };
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > max) return tooLarge(max);
  const incoming = c.env?.incoming;
  // Only a stream nobody has started reading can be read directly.
  const bytes = incoming && typeof incoming.on === 'function' && !incoming.readableDidRead ? await readIncoming(incoming, max) : await readWeb(c.req.raw, max);
  if (bytes === 'too-large') return tooLarge(max);
  if (bytes === 'aborted') return aborted;
  return parse(bytes);
}
