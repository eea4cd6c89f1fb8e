// A web-test-runner plugin that plays a BROKEN or HOSTILE comments service, for the tests of what
// the widget does with answers the real service never sends. Same origin as the test page:
//   {origin}/__hostile/{scenario}/threads/:thread/comments   a page of comments
//   {origin}/__hostile/{scenario}/comments/:id/status        a status answer
//   {origin}/__hostile/{scenario}/moderation/comments        the moderation queue
//   {origin}/__hostile/{scenario}/counts                     counts
//   {origin}/__hostile/aborted                               how many slow answers the client gave up on
// Scenarios are listed in `scenarios` below; large bodies are built once and kept.
import { Readable } from 'node:stream';

const PREFIX = '/__hostile/';
const comment = (i, extra = {}) => ({
  id: `c${i}`,
  parentId: null,
  author: `Reader ${i}`,
  text: `Comment number ${i}.`,
  createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, i % 60)).toISOString(),
  ...extra,
});
const page = (comments, more = {}) => ({ thread: 't', total: comments.length, comments, nextCursor: null, ...more });
const many = (n, extra = () => ({})) => Array.from({ length: n }, (_, i) => comment(i, extra(i)));
const queued = (i) => ({ thread: 't', email: `r${i}@example.com`, status: 'pending', reason: null });

const HUGE_TEXT = () => 'x'.repeat(50 * 1024 * 1024);
const hugeAnswer = (kind) =>
  kind === 'list' ? page([comment(1, { text: HUGE_TEXT() })])
  : kind === 'queue' && { status: 'pending', total: 1, comments: [{ ...comment(1, { text: HUGE_TEXT() }), ...queued(1) }], nextCursor: null };

// Each answers (kind, query) with a JSON value, or { stream: true, value } for a chunked body.
const scenarios = {
  'object-author': (kind) =>
    kind === 'list' && page([comment(1), comment(2, { author: { name: 'Mallory' } }), comment(3, { text: 42 }), comment(4, { createdAt: 'soon' })]),
  'bad-reason': (kind) => (kind === 'status' ? { status: 'rejected', reason: 5 } : page([comment(1)])),
  'no-comments': (kind) => kind === 'list' && { thread: 't', total: 3, nextCursor: null },
  'not-a-list': (kind) => kind === 'list' && { thread: 't', total: 3, comments: 'three', nextCursor: null },
  'quote-id': (kind, query) =>
    kind === 'list' &&
    (query.cursor === 'p2'
      ? page([comment(2, { id: 'b"] , *' })], { total: 2 })
      : page([comment(1, { id: 'a"]' })], { total: 2, nextCursor: 'p2' })),
  'ten-thousand': (kind) => (kind === 'queue' ? { status: 'pending', total: 10000, comments: many(10000, queued), nextCursor: null } : page(many(10000))),
  // 50 MB in one comment: with a Content-Length (refused unread) and chunked (cut off while read).
  huge: (kind) => hugeAnswer(kind),
  'huge-chunked': (kind) => { const value = hugeAnswer(kind); return value && { stream: true, value }; },
};

// `slow`: the oldest-first list takes 3 s, newest-first answers at once, so a test can supersede a request.
const SLOW_MS = 3000;
let aborted = 0;
function slow(context) {
  const newest = context.query.sort !== 'oldest';
  const answer = JSON.stringify(page([comment(1, { text: newest ? 'newest answer' : 'oldest answer' })]));
  if (newest) return { body: answer, type: 'application/json' };
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ body: answer, type: 'application/json' }), SLOW_MS);
    context.req.once('close', () => {
      if (context.res.writableEnded) return;
      clearTimeout(timer);
      aborted++;
      resolve({ body: '', type: 'application/json' });
    });
  });
}

const cache = new Map();
function body(scenario, kind, query) {
  const key = `${scenario} ${kind} ${query.cursor ?? ''}`;
  if (!cache.has(key)) {
    // Signing in to <rw-moderation> asks who one is and the pending counts; no scenario spoils those.
    const answer = kind === 'me' ? { id: 'admin', name: 'Administrator', role: 'admin' } : kind === 'threads' ? { threads: [] } : scenarios[scenario]?.(kind, query);
    cache.set(key, answer ? { stream: !!answer.stream, text: JSON.stringify(answer.stream ? answer.value : answer) } : null);
  }
  return cache.get(key);
}

function kindOf(rest) {
  if (/^threads\/[^/]+\/comments$/.test(rest)) return 'list';
  if (/^comments\/[^/]+\/status$/.test(rest)) return 'status';
  if (rest === 'moderation/comments') return 'queue';
  if (rest === 'moderation/me') return 'me';
  if (rest === 'moderation/threads') return 'threads';
  if (rest === 'counts') return 'counts';
  return null;
}

export function hostileServicePlugin() {
  return {
    name: 'hostile-service',
    serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      if (context.path === `${PREFIX}aborted`) return { body: JSON.stringify({ aborted }), type: 'application/json' };
      if (context.path.startsWith(`${PREFIX}slow/`)) return slow(context);
      const [scenario, ...parts] = context.path.slice(PREFIX.length).split('/');
      const kind = kindOf(parts.join('/'));
      const answer = kind && body(scenario, kind, context.query);
      if (!answer) return { body: '{"error":{"code":"not-found","message":"no such scenario"}}', type: 'application/json' };
      if (!answer.stream) return { body: answer.text, type: 'application/json', transformCache: false };
      // Sent in 64 KiB pieces with no Content-Length: only reading the stream can find its size.
      const text = answer.text;
      const pieces = (function* () {
        for (let i = 0; i < text.length; i += 65536) yield text.slice(i, i + 65536);
      })();
      return { body: Readable.from(pieces), type: 'application/json', transformCache: false };
    },
  };
}
