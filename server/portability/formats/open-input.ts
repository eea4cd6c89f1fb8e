import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { ImportError, type Input } from './types.js';

export function openInput(input: Input): AsyncIterable<Uint8Array | string> {
  return typeof input === 'string' ? createReadStream(input, { highWaterMark: 64 * 1024 }) : input();
}

/** Formats that are not streams (an SQLite file) need the bytes at once. */
export async function readWhole(input: Input): Promise<Uint8Array> {
  if (typeof input === 'string') {
    try {
      return await readFile(input);
    } catch (error) {
      throw new ImportError(`cannot read ${input}: ${(error as Error).message}`);
    }
  }
  const parts: Uint8Array[] = [];
  for await (const chunk of input()) parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(parts);
}

/**
 * UTF-8 text chunks of a stream; a byte sequence that is not UTF-8 stops the import. A missing
 * file becomes an ImportError rather than a stack trace.
 */
export async function* textChunks(input: Input): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of openInput(input)) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    yield decoder.decode();
  } catch (error) {
    if (error instanceof TypeError) throw new ImportError('the file is not valid UTF-8 text');
    if ((error as NodeJS.ErrnoException).code) throw new ImportError(`cannot read the file: ${(error as Error).message}`);
    throw error;
  }
}
