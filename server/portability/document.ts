/**
 * The export document (docs/comments-export.schema.json is its JSON Schema; README "Import, export
 * and erasure" describes it). Written by export.ts, read back by formats/json.ts.
 */
import type { Reason } from '../../src/internal/contract.js';

export const DOCUMENT_FORMAT = 'reading-widget-comments';
export const DOCUMENT_VERSION = 1;

export type Scope = { site: true } | { thread: string } | { email: string };

export interface ExportedThread {
  id: string;
  title: string | null;
  url: string | null;
}

/** Every stored field of a comment except its status-token hash. */
export interface ExportedComment {
  id: string;
  thread: string;
  parentId: string | null;
  author: string;
  email: string;
  text: string;
  status: 'pending' | 'approved' | 'rejected' | 'removed';
  reason: Reason | null;
  createdAt: string;
  decidedAt: string | null;
}
