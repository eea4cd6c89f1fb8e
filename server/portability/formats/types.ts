/** What every format reader yields to the importer (server/portability/import.ts). */
import type { Reason } from '../../../src/internal/contract.js';

export const FORMATS = ['disqus', 'wxr', 'isso', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** The input: a file path, or a function that opens the stream afresh (the importer reads it twice). */
export type Input = string | (() => AsyncIterable<Uint8Array | string>);

export interface SourceThread {
  kind: 'thread';
  /** The source's own id of the thread (Disqus dsq:id, WordPress post id, Isso thread id). */
  sourceId: string;
  /** The page's URL (Isso: its path), from which the thread id is made. */
  url: string | null;
  title: string | null;
  /** Our own export names the thread id itself. */
  threadId?: string;
}

export interface SourceComment {
  kind: 'comment';
  sourceId: string;
  threadSourceId: string;
  parentSourceId: string | null;
  author: string;
  email: string;
  /** Plain text, as the widget shows it. */
  text: string;
  /** As found in the file; the importer checks it. */
  createdAt: string;
  status: 'pending' | 'approved' | 'rejected' | 'removed';
  reason?: Reason | null;
  decidedAt?: string | null;
  /** Our own export keeps its comment ids. */
  id?: string;
}

/** A record of the file that cannot become a comment, with why (listed in the report). */
export interface SourceSkip {
  kind: 'skip';
  item: string;
  why: string;
}

export type SourceItem = SourceThread | SourceComment | SourceSkip;

/** The file as a whole cannot be imported: nothing was written. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
