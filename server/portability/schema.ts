/**
 * Migration 4 (issue 12): what import, export and erasure need. Kept here so server/store.ts only
 * lists it; never edit it once released, add a migration instead.
 */
export const PORTABILITY_MIGRATION: string[] = [
  // Thread metadata (the source's title and URL). Issue 10 creates the same table, with the same
  // columns, in migration 3; here only for a database that does not have it.
  `CREATE TABLE IF NOT EXISTS threads (thread text PRIMARY KEY, title text, url text, updated_at timestamptz NOT NULL)`,
  // One row per imported source comment (format:source id), so a second import adds nothing and an
  // interrupted one resumes. An erasure deletes the comment but keeps the key (comment_id NULL),
  // so importing the old file again cannot bring an erased comment back.
  `CREATE TABLE import_sources (
    source_key text PRIMARY KEY,
    comment_id text REFERENCES comments (id) ON DELETE SET NULL,
    imported_at timestamptz NOT NULL
  )`,
  `CREATE INDEX import_sources_comment ON import_sources (comment_id)`,
  // 'removed': the placeholder left by an erased comment that others replied to; never in a queue.
  `ALTER TABLE comments DROP CONSTRAINT comments_status_check`,
  `ALTER TABLE comments ADD CONSTRAINT comments_status_check CHECK (status IN ('pending', 'approved', 'rejected', 'removed'))`,
  `CREATE INDEX comments_thread_shown ON comments (thread, created_at, id) WHERE status IN ('approved', 'removed') AND parent_id IS NULL`,
  // Erasure and export by commenter compare addresses case-insensitively.
  `CREATE INDEX comments_email_lower ON comments (lower(email))`,
  // All an erasure leaves behind: that it happened, when, by whom, and how many comments it removed.
  `CREATE TABLE erasures (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL,
    by_whom text NOT NULL,
    comments int NOT NULL
  )`,
];
