// Issue 10, notifications: the webhook against a real HTTP receiver that fails before it
// succeeds, and the email digest against a real SMTP server (smtp-server) started here.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { ConfigError, readConfig } from '../../server/config.js';
import { Outbox } from '../../server/moderation/outbox.js';
import type { NotifyConfig } from '../../server/moderation/notify-config.js';
import type { Store } from '../../server/store.js';
import { comment, key, MODERATOR, useStore, uniqueThread, type Call } from './helpers.js';

let store: Store;
let call: Call;
useStore((opened) => ({ store, call } = opened));

const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const readBody = (req: IncomingMessage) => new Promise<string>((resolve) => {
  let data = '';
  req.on('data', (c) => (data += c));
  req.on('end', () => resolve(data));
});
const post = async (thread: string, body: Record<string, unknown>) => {
  const r = await call(`/api/threads/${encodeURIComponent(thread)}/comments`, { json: body, headers: { 'idempotency-key': key() } });
  assert.equal(r.res.status, 202, r.text);
  return r.body as { id: string };
};
const config = (extra: Partial<NotifyConfig>): NotifyConfig => ({
  webhookUrl: null,
  smtpUrl: null,
  moderatorEmails: [],
  mailFrom: null,
  digestMinutes: 15,
  moderationUrl: 'https://news.example/moderate',
  ...extra,
});
const waitFor = async (what: string, ok: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('webhook', () => {
  test('one POST per new pending comment, no email in it, retried with backoff while the receiver fails', async () => {
    const received: { at: number; body: any; status: number }[] = [];
    let failures = 2;
    const receiver = createServer(async (req, res) => {
      const body = JSON.parse(await readBody(req));
      const status = failures-- > 0 ? 503 : 204;
      received.push({ at: Date.now(), body, status });
      res.writeHead(status).end();
    });
    const port = await listen(receiver);
    const notify = config({ webhookUrl: `http://127.0.0.1:${port}/hook` });
    store.outboxKinds = Outbox.kinds(notify);
    const outbox = new Outbox(store.db, notify, { pollMs: 50, log: () => {} });
    try {
      const thread = uniqueThread('hook');
      const email = `hook-${Date.now()}@leak-check.example`;
      const { id } = await post(thread, comment('hooked', { email, articleTitle: 'Hooked article' }));
      outbox.start();
      await waitFor('a delivered webhook', () => received.some((r) => r.status === 204));
      const delivered = received.filter((r) => r.body.id === id);
      assert.deepEqual(delivered.map((r) => r.status), [503, 503, 204]);
      // Backoff: 2 s after the first failure, 4 s after the second.
      assert.ok(delivered[1].at - delivered[0].at >= 1500, `first retry after ${delivered[1].at - delivered[0].at} ms`);
      assert.ok(delivered[2].at - delivered[1].at >= 3500, `second retry after ${delivered[2].at - delivered[1].at} ms`);
      const body = delivered[2].body;
      assert.equal(body.type, 'comment.pending');
      assert.equal(body.thread, thread);
      assert.equal(body.threadTitle, 'Hooked article');
      assert.equal(body.queueUrl, `https://news.example/moderate#comment=${id}`);
      assert.ok(!JSON.stringify(body).includes('@'), 'no email address in a webhook');
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(received.filter((r) => r.body.id === id).length, 3, 'delivered once, then never again');
    } finally {
      await outbox.stop();
      store.outboxKinds = [];
      receiver.close();
    }
  });

  test('a receiver that never answers does not hold up a post', async () => {
    const hanging = createServer(() => {});
    const port = await listen(hanging);
    const notify = config({ webhookUrl: `http://127.0.0.1:${port}/hook` });
    store.outboxKinds = Outbox.kinds(notify);
    const outbox = new Outbox(store.db, notify, { pollMs: 50, log: () => {} });
    outbox.start();
    try {
      await post(uniqueThread('slow'), comment('first'));
      await new Promise((r) => setTimeout(r, 200)); // the worker is now waiting on the receiver
      const started = Date.now();
      await post(uniqueThread('slow'), comment('second'));
      assert.ok(Date.now() - started < 1000, `a post took ${Date.now() - started} ms`);
    } finally {
      hanging.closeAllConnections();
      hanging.close();
      await outbox.stop();
      store.outboxKinds = [];
    }
  });
});

type Mail = { from: string; to: string[]; data: string };

/** A real SMTP server on loopback collecting every mail into `mails`; port 0 takes a free one. */
async function smtpServer(mails: Mail[], port = 0): Promise<{ port: number; close: () => Promise<void> }> {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (c) => (data += c));
      stream.on('end', () => {
        mails.push({ from: (session.envelope.mailFrom as { address: string }).address, to: session.envelope.rcptTo.map((r) => r.address), data });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', () => resolve()));
  return {
    port: ((smtp as unknown as { server: Server }).server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

describe('email digest', () => {
  test('one digest soon after the first pending comment, then at most one per DIGEST_MINUTES, to the configured and the moderators\' addresses', async () => {
    const mails: Mail[] = [];
    const smtp = await smtpServer(mails);
    const added = await call('/api/moderation/moderators', { json: { name: 'Digest Reader', email: 'digest-moderator@news.example' }, token: MODERATOR });
    const notify = config({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'comments@news.example', moderatorEmails: ['desk@news.example'], digestMinutes: 1 });
    store.outboxKinds = Outbox.kinds(notify);
    const outbox = new Outbox(store.db, notify, { log: () => {} });
    try {
      const thread = uniqueThread('digest');
      const first = await post(thread, comment('one', { articleTitle: 'Digest article', text: 'First digest comment' }));
      const second = await post(thread, comment('two', { text: 'Second digest comment' }));
      await outbox.runOnce();
      assert.equal(mails.length, 1);
      const [mail] = mails;
      assert.equal(mail.from, 'comments@news.example');
      assert.deepEqual(mail.to.sort(), ['desk@news.example', 'digest-moderator@news.example']);
      const text = mail.data.replace(/=\r?\n/g, '');
      assert.match(text, /Subject: 2 new comments waiting for moderation/);
      assert.ok(text.includes('First digest comment') && text.includes('Second digest comment'));
      assert.ok(text.includes('Digest article'));
      assert.ok(text.includes(`https://news.example/moderate#comment=${first.id}`) && text.includes(`#comment=${second.id}`));

      await post(thread, comment('three', { text: 'Third digest comment' }));
      await outbox.runOnce();
      assert.equal(mails.length, 1, 'no second mail within DIGEST_MINUTES');
      await store.db.query(`UPDATE mail_digest SET last_sent_at = now() - interval '61 seconds'`);
      await outbox.runOnce();
      assert.equal(mails.length, 2);
      assert.ok(mails[1].data.includes('Third digest comment') && !mails[1].data.includes('First digest comment'));
    } finally {
      await call(`/api/moderation/moderators/${added.body.id}`, { method: 'DELETE', token: MODERATOR });
      store.outboxKinds = [];
      await smtp.close();
    }
  });
});

describe('email digest when the SMTP server is down', () => {
  test('nothing is lost: the digest is sent once the server is back, a minute later, not on every tick', async () => {
    const mails: Mail[] = [];
    const { port, close } = await smtpServer(mails);
    await close(); // down: the port refuses
    const notify = config({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'comments@news.example', moderatorEmails: ['desk@news.example'], digestMinutes: 1 });
    store.outboxKinds = Outbox.kinds(notify);
    const logged: string[] = [];
    const outbox = new Outbox(store.db, notify, { log: (m) => logged.push(m) });
    // Earlier tests' digests are not this test's business.
    await store.db.query(`UPDATE outbox SET done_at = now() WHERE kind = 'digest'`);
    await store.db.query(`UPDATE mail_digest SET last_sent_at = NULL, lease_until = NULL`);
    try {
      await post(uniqueThread('down'), comment('down', { text: 'Sent after the outage' }));
      await outbox.runOnce();
      assert.match(logged.join('\n'), /digest mail failed/);
      await outbox.runOnce();
      assert.equal(logged.length, 1, 'no new attempt before the lease runs out');
      const back = await smtpServer(mails, port);
      try {
        await store.db.query(`UPDATE mail_digest SET lease_until = now() - interval '1 second'`);
        await outbox.runOnce();
        assert.equal(mails.length, 1);
        assert.ok(mails[0].data.replace(/=\r?\n/g, '').includes('Sent after the outage'));
      } finally {
        await back.close();
      }
    } finally {
      store.outboxKinds = [];
    }
  });
});

describe('erasure', () => {
  test('erasing a commenter with notifications still waiting takes them along (no foreign-key failure, nothing sent)', async () => {
    store.outboxKinds = ['webhook', 'digest'];
    try {
      const email = `erase-${Date.now()}@leak-check.example`;
      const { id } = await post(uniqueThread('erase'), comment('erase', { email }));
      const erased = await call('/api/moderation/erasures', { json: { email }, token: MODERATOR });
      assert.equal(erased.res.status, 200, erased.text);
      assert.equal(erased.body.erased, 1);
      const { rows } = await store.db.query(`SELECT 1 FROM outbox WHERE comment_id = $1`, [id]);
      assert.equal(rows.length, 0);
    } finally {
      store.outboxKinds = [];
    }
  });
});

describe('configuration', () => {
  test('notification settings are checked at start, by name, without echoing secrets', () => {
    const base = { MODERATOR_TOKEN: 't' };
    assert.throws(() => readConfig({ ...base, SMTP_URL: 'smtp://u:secret@mail.example:587' }), (e: ConfigError) => {
      assert.ok(e.problems.some((p) => p.startsWith('MAIL_FROM')));
      assert.ok(e.problems.some((p) => p.startsWith('MODERATION_URL')));
      assert.ok(!e.message.includes('secret'));
      return true;
    });
    assert.throws(() => readConfig({ ...base, MODERATION_WEBHOOK_URL: 'ftp://x', DIGEST_MINUTES: '0', MODERATOR_EMAILS: 'nope' }), (e: ConfigError) => {
      assert.equal(e.problems.length, 4); // webhook, minutes, bad address, and addresses without SMTP
      return true;
    });
    const ok = readConfig({ ...base, SMTP_URL: 'smtp://mail.example:587', MAIL_FROM: 'c@news.example', MODERATION_URL: 'https://news.example/m', MODERATOR_EMAILS: 'a@news.example, b@news.example', DIGEST_MINUTES: '30' });
    assert.deepEqual(ok.notify.moderatorEmails, ['a@news.example', 'b@news.example']);
    assert.equal(ok.notify.digestMinutes, 30);
  });
});
