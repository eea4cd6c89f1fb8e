// Import from real Disqus, WordPress and Isso files (test/server/portability/source-files.ts) on
// the backend under test: what is kept, how threads are named, status mapping, HTML to text,
// idempotency, and refusal of broken files with nothing written.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ImportError, importComments } from '../../server/portability/import.js';
import { threadIdFromUrl } from '../../server/portability/thread-map.js';
import type { Store } from '../../server/store.js';
import { client, openStore } from './helpers.js';
import { FIRST_TEXT, disqusXml, issoDatabase, wxrXml } from './portability/source-files.js';

const dir = mkdtempSync(join(tmpdir(), 'rw-import-'));
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function fresh() {
  const opened = await openStore();
  cleanups.push(opened.cleanup);
  return opened.store;
}
const all = (store: Store) =>
  store.db
    .query<{ id: string; thread: string; parent_id: string | null; author: string; email: string; body: string; status: string }>(
      `SELECT id, thread, parent_id, author, email, body, status FROM comments ORDER BY created_at`,
    )
    .then((r) => r.rows);

describe('thread ids from URLs', () => {
  it('takes the decoded path without trailing slashes', () => {
    assert.equal(threadIdFromUrl('https://news.example/2020/02/story/'), '/2020/02/story');
    assert.equal(threadIdFromUrl('https://news.example/caf%C3%A9?utm=x#c1'), '/café');
    assert.equal(threadIdFromUrl('https://news.example/'), '/');
    assert.equal(threadIdFromUrl('/2020/02/story/'), '/2020/02/story');
  });
});

for (const format of ['disqus', 'wxr', 'isso'] as const) {
  describe(`import ${format}`, () => {
    let store: Store;
    let path: string;
    let report: Awaited<ReturnType<typeof importComments>>;
    before(async () => {
      store = await fresh();
      if (format === 'isso') {
        path = join(dir, 'isso.db');
        await issoDatabase(path);
      } else path = file(`${format}.xml`, format === 'disqus' ? disqusXml() : wxrXml());
      report = await importComments(store, format, path);
    });

    it('keeps author, email, plain text, creation time and maps statuses', async () => {
      const rows = await all(store);
      const pending = format === 'disqus' ? 0 : 1; // Disqus exports have no queue
      assert.equal(rows.length, 5 + pending, JSON.stringify(report));
      const first = rows[0];
      assert.deepEqual([first.thread, first.author, first.email, first.body, first.status], ['/2020/02/story', 'Ann', 'ann@leak-check.example', FIRST_TEXT, 'approved']);
      assert.equal(rows.find((r) => r.author === 'Bob')!.body, 'I agree <3');
      assert.equal(rows.find((r) => r.author === 'Spammer')!.status, 'rejected');
      assert.equal(rows.find((r) => r.author === 'Dee')!.status, 'rejected');
      if (pending) assert.equal(rows.find((r) => r.author === 'Eve')!.status, 'pending');
      const created = await store.db.query<{ at: Date }>(`SELECT created_at AS at FROM comments WHERE author = 'Ann'`);
      assert.equal(new Date(created.rows[0].at).toISOString(), '2020-02-02T10:00:00.000Z');
    });

    it('keeps one level of replies: a reply to a reply attaches to the top-level comment, said in the report', async () => {
      const rows = await all(store);
      const ann = rows.find((r) => r.author === 'Ann')!;
      assert.equal(rows.find((r) => r.author === 'Bob')!.parent_id, ann.id);
      assert.equal(rows.find((r) => r.author === 'Cy')!.parent_id, ann.id);
      assert.ok(report.notes.some((n) => n.item === `${format}:3` && /reply to a reply/.test(n.note)), JSON.stringify(report.notes));
    });

    it('drops an invalid email with a report line, and reports counts by thread and status', async () => {
      assert.equal((await all(store)).find((r) => r.author === 'Dee')!.email, '');
      assert.ok(report.notes.some((n) => n.item === `${format}:5` && /not valid/.test(n.note)));
      assert.equal(report.byThread['/2020/02/story'].approved, 3);
      assert.equal(report.byThread['/2020/02/story'].rejected, 1);
      if (format === 'wxr') assert.ok(report.skipped.some((s) => /pingback/.test(s.why)), JSON.stringify(report.skipped));
    });

    it("keeps the source's title and URL as the thread's metadata", async () => {
      const { rows } = await store.db.query<{ id: string; title: string; url: string }>(`SELECT thread AS id, title, url FROM threads ORDER BY thread`);
      const url = format === 'isso' ? '/2020/02/story/' : 'https://news.example/2020/02/story/';
      assert.deepEqual(rows[0], { id: '/2020/02/story', title: 'A story & more', url });
    });

    it('shows the approved comments publicly, without emails', async () => {
      const { call } = client(store);
      const page = await call(`/api/threads/${encodeURIComponent('/2020/02/story')}/comments`);
      assert.equal(page.res.status, 200);
      assert.equal(page.body.total, 3);
      assert.deepEqual(page.body.comments.map((c: { author: string }) => c.author), ['Ann', 'Bob', 'Cy']);
    });

    it('adds nothing when the same file is imported again', async () => {
      const again = await importComments(store, format, path);
      assert.equal(again.added, 0);
      assert.equal(again.alreadyImported, report.added);
      assert.equal((await all(store)).length, report.added);
    });
  });
}

describe('replies before their parents', () => {
  it('a reply met before its parent still attaches to it; one whose parent is missing becomes top-level, reported', async () => {
    const store = await fresh();
    const xml = disqusXml();
    // The reply (post 2) and the reply to it (post 3) moved before their parent (post 1); post 4
    // names a parent that is nowhere in the file.
    const post = (id: string) => {
      const start = xml.indexOf(`<post dsq:id="${id}">`);
      return xml.slice(start, xml.indexOf('</post>', start) + '</post>'.length);
    };
    const reordered = xml
      .replace(post('2'), '')
      .replace(post('3'), '')
      .replace(post('1'), post('3') + post('2') + post('1'))
      .replace(post('4'), post('4').replace('</post>', '<parent dsq:id="404"/></post>'));
    assert.ok(reordered.indexOf('<post dsq:id="3">') < reordered.indexOf('<post dsq:id="1">'));
    const report = await importComments(store, 'disqus', file('reordered.xml', reordered), { batchSize: 1 });
    const rows = await all(store);
    const ann = rows.find((r) => r.author === 'Ann')!;
    assert.equal(rows.find((r) => r.author === 'Bob')!.parent_id, ann.id);
    assert.equal(rows.find((r) => r.author === 'Cy')!.parent_id, ann.id);
    assert.equal(rows.find((r) => r.author === 'Spammer')!.parent_id, null);
    assert.ok(report.notes.some((n) => n.item === 'disqus:4' && /parent 404 is not in the file/.test(n.note)), JSON.stringify(report.notes));
    assert.equal(report.added, 5);
  });
});

describe('thread mapping file', () => {
  it('names threads by source URL or source id', async () => {
    const store = await fresh();
    const report = await importComments(store, 'disqus', file('map.xml', disqusXml()), {
      map: { 'https://news.example/2020/02/story/': 'story-one', '102': 'story-two' },
    });
    assert.deepEqual(Object.keys(report.byThread).sort(), ['story-one', 'story-two']);
  });
});

describe('broken input is refused with nothing written', () => {
  const cases: [string, 'disqus' | 'wxr' | 'isso' | 'json', () => string | Uint8Array, RegExp][] = [
    ['a truncated Disqus file', 'disqus', () => disqusXml().slice(0, Math.floor(disqusXml().length * 0.8)), /not a well-formed Disqus export/],
    ['malformed XML', 'wxr', () => wxrXml().replace('</wp:comment_id>', '</wp:oops>'), /not a well-formed/],
    ['a WordPress file read as Disqus', 'disqus', () => wxrXml(), /root element is <rss>/],
    ['XML read as an Isso database', 'isso', () => disqusXml(), /not a readable Isso database/],
    ['XML read as our JSON', 'json', () => disqusXml(), /not a well-formed JSON export/],
    ['a JSON document of another kind', 'json', () => JSON.stringify({ format: 'other', comments: [] }), /not a reading-widget-comments export/],
    ['a truncated JSON export', 'json', () => '{"format":"reading-widget-comments","version":1,"threads":[],"comments":[{"id":"a"', /not a well-formed JSON export/],
    ['bytes that are not UTF-8', 'disqus', () => Buffer.concat([Buffer.from('<disqus><thread dsq:id="1"><title>'), Buffer.from([0xff, 0xfe]), Buffer.from('</title></thread></disqus>')]), /not valid UTF-8/],
  ];
  for (const [name, format, content, message] of cases) {
    it(name, async () => {
      const store = await fresh();
      // A good batch first would be written if the file were not read to its end before writing.
      await assert.rejects(importComments(store, format, file(`broken-${format}`, content()), { batchSize: 1 }), (e: Error) => e instanceof ImportError && message.test(e.message));
      assert.equal((await all(store)).length, 0);
    });
  }

  it('a truncated Isso database', async () => {
    const store = await fresh();
    const path = join(dir, 'whole.db');
    await issoDatabase(path);
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(path);
    await assert.rejects(importComments(store, 'isso', file('half.db', bytes.subarray(0, Math.floor(bytes.length / 2)))), ImportError);
    assert.equal((await all(store)).length, 0);
  });

  it('invalid dates are skipped with a report line', async () => {
    const store = await fresh();
    const xml = disqusXml().replace('<createdAt>2020-02-03T10:00:00Z</createdAt>', '<createdAt>yesterday</createdAt>');
    const report = await importComments(store, 'disqus', file('dates.xml', xml));
    assert.deepEqual(report.skipped, [{ item: 'disqus:4', why: 'invalid creation date "yesterday"' }]);
    assert.equal(report.added, 4);
  });
});
