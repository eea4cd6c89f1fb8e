/**
 * The HTTP side of issue 12: "Delete my comment" for readers (their status token proves the
 * comment is theirs), and export and erasure for administrators. These check the administrator's
 * MODERATOR_TOKEN themselves rather than trust whatever guards other /moderation paths: moderators
 * who may decide comments must not download every address or erase readers.
 */
import type { Context, Hono } from 'hono';
import { Readable } from 'node:stream';
import { isEmail, type DeletedAnswer } from '../../src/internal/contract.js';
import { readJsonBody } from '../body.js';
import { pathSegment } from '../path-segment.js';
import { matchesHash, type Store } from '../store.js';
import { checkCommentId, checkThread, isObject } from '../validate.js';
import type { Scope } from './document.js';
import { eraseCommenter, eraseOwnComment } from './erase.js';
import { exportComments } from './export.js';

type Fail = (c: Context, status: number, code: string, message: string, fields?: Record<string, string>) => Response;

export function portabilityRoutes(
  api: Hono<any>,
  store: Store,
  helpers: { fail: Fail; bearer: (c: Context) => string | null; unauthorized: (c: Context, message: string) => Response; moderatorHash: string },
) {
  const { fail, bearer, unauthorized } = helpers;
  const notAdmin = (c: Context) => {
    const token = bearer(c);
    if (!token) return unauthorized(c, 'Send the administrator token (MODERATOR_TOKEN) as a Bearer token.');
    return matchesHash(token, helpers.moderatorHash) ? null : unauthorized(c, 'Export and erasure need the administrator token (MODERATOR_TOKEN).');
  };

  api.delete('/comments/:id', async (c) => {
    const token = bearer(c);
    if (!token) return unauthorized(c, 'Send the token you received with your comment as a Bearer token.');
    const wrong = () => unauthorized(c, 'This token does not belong to this comment.');
    const id = pathSegment(c.req.url, 0);
    if (checkCommentId(id)) return wrong();
    const found = await store.statusOf(id!);
    if (!found || !matchesHash(token, found.tokenHash)) return wrong();
    await eraseOwnComment(store, id!);
    const answer: DeletedAnswer = { id: id!, deleted: true };
    return c.json(answer);
  });

  api.get('/moderation/export', async (c) => {
    const refused = notAdmin(c);
    if (refused) return refused;
    const { thread, email } = c.req.query();
    if (thread !== undefined && email !== undefined) return fail(c, 422, 'invalid', 'Some fields are not valid.', { thread: 'Give a thread or an email, not both.' });
    const threadProblem = thread !== undefined ? checkThread(thread) : null;
    if (threadProblem) return fail(c, 422, 'invalid', 'Some fields are not valid.', { thread: threadProblem });
    if (email !== undefined && !isEmail(email.trim())) return fail(c, 422, 'invalid', 'Some fields are not valid.', { email: 'Give a valid email address.' });
    const scope: Scope = thread !== undefined ? { thread } : email !== undefined ? { email } : { site: true };
    const name = thread !== undefined ? 'thread' : email !== undefined ? 'commenter' : 'site';
    c.header('Content-Type', 'application/json; charset=UTF-8');
    c.header('Content-Disposition', `attachment; filename="comments-${name}.json"`);
    const chunks = Readable.from(exportComments(store.db, scope), { objectMode: false });
    return c.body(Readable.toWeb(chunks) as ReadableStream, 200);
  });

  api.post('/moderation/erasures', async (c) => {
    const refused = notAdmin(c);
    if (refused) return refused;
    const body = await readJsonBody(c);
    if (!body.ok) return fail(c, body.status, body.code, body.message);
    const email = isObject(body.value) && typeof body.value.email === 'string' ? body.value.email.trim() : '';
    if (!isEmail(email)) return fail(c, 422, 'invalid', 'Some fields are not valid.', { email: 'Give the email address of the commenter to erase.' });
    const result = await eraseCommenter(store, email, 'moderation API (moderator token)');
    return c.json({ erased: result.comments, threads: result.threads });
  });
}
