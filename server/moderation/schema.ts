/**
 * Migration 3: named moderators, the append-only audit, article context per thread, blocks,
 * watch words and the notification outbox (README.md, section "Moderation").
 */
export const MODERATION_MIGRATION: string[] = [
  `CREATE TABLE moderators (
    id text PRIMARY KEY,
    name text NOT NULL,
    email text,
    secret_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    removed_at timestamptz
  )`,
  // Who decided, by id (a moderator, 'admin' or 'block') and by the name shown at that moment.
  `ALTER TABLE comments ADD COLUMN decided_by text`,
  `ALTER TABLE comments ADD COLUMN decided_by_name text`,
  // The poster's client key (server/client-address.ts), so that a client address can be blocked.
  `ALTER TABLE comments ADD COLUMN client text`,
  // The commenter's record counts earlier comments by the same address.
  `CREATE INDEX comments_email ON comments (email, status)`,
  `CREATE TABLE threads (
    thread text PRIMARY KEY,
    title text,
    url text,
    updated_at timestamptz NOT NULL
  )`,
  `CREATE TABLE moderation_audit (
    seq bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    actor_id text NOT NULL,
    actor_name text NOT NULL,
    action text NOT NULL,
    comment_id text,
    reason text,
    detail text
  )`,
  // Nothing in the audit can be changed, whatever the code above it does.
  `CREATE FUNCTION rw_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN RAISE EXCEPTION 'moderation_audit is append-only'; END $$`,
  `CREATE TRIGGER moderation_audit_no_change BEFORE UPDATE OR DELETE ON moderation_audit
   FOR EACH ROW EXECUTE FUNCTION rw_audit_append_only()`,
  `CREATE TRIGGER moderation_audit_no_truncate BEFORE TRUNCATE ON moderation_audit
   FOR EACH STATEMENT EXECUTE FUNCTION rw_audit_append_only()`,
  `CREATE TABLE blocks (
    id text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('email', 'client')),
    value text NOT NULL,
    reason text NOT NULL,
    note text,
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    lifted_at timestamptz,
    lifted_by text
  )`,
  `CREATE UNIQUE INDEX blocks_active ON blocks (kind, value) WHERE lifted_at IS NULL`,
  `CREATE TABLE watch_words (word text PRIMARY KEY)`,
  // One row per notification to deliver; claimed with FOR UPDATE SKIP LOCKED by any instance.
  `CREATE TABLE outbox (
    id bigserial PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('webhook', 'digest')),
    -- An erased comment (server/portability/erase.ts) takes its pending notifications with it.
    comment_id text NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    attempts int NOT NULL DEFAULT 0,
    next_at timestamptz NOT NULL,
    done_at timestamptz,
    last_error text
  )`,
  `CREATE INDEX outbox_due ON outbox (kind, next_at) WHERE done_at IS NULL`,
  // The digest's schedule: at most one mail per DIGEST_MINUTES across all instances.
  `CREATE TABLE mail_digest (id int PRIMARY KEY CHECK (id = 1), last_sent_at timestamptz, lease_until timestamptz)`,
  `INSERT INTO mail_digest (id) VALUES (1)`,
];
