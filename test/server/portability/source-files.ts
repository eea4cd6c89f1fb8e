// Real files in each source format, written by the tests from the formats' documented structure
// (Disqus export, WordPress WXR 1.2, Isso's SQLite schema), so the readers meet what the
// systems write: namespaces, CDATA, HTML in messages, entities, deleted and spam items.
import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import initSqlJs from 'sql.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cdata = (s: string) => `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/** The same small site in every format: two stories, a reply, a reply to a reply, spam, a deleted and a pending one. */
export const SITE = {
  threads: [
    { id: '101', url: 'https://news.example/2020/02/story/', title: 'A story & more' },
    { id: '102', url: 'https://news.example/2020/03/other', title: 'Another' },
  ],
  comments: [
    { id: '1', thread: '101', parent: null, author: 'Ann', email: 'ann@leak-check.example', html: '<p>First &amp; <b>bold</b></p><p>Second line<br>third</p>', at: '2020-02-02T10:00:00Z', status: 'approved' },
    { id: '2', thread: '101', parent: '1', author: 'Bob', email: 'bob@leak-check.example', html: 'I agree &lt;3', at: '2020-02-02T11:00:00Z', status: 'approved' },
    { id: '3', thread: '101', parent: '2', author: 'Cy', email: 'cy@leak-check.example', html: 'Deeper', at: '2020-02-02T12:00:00Z', status: 'approved' },
    { id: '4', thread: '101', parent: null, author: 'Spammer', email: 'spam@leak-check.example', html: 'Buy now', at: '2020-02-03T10:00:00Z', status: 'spam' },
    { id: '5', thread: '102', parent: null, author: 'Dee', email: 'not-an-email', html: 'Hello', at: '2020-03-01T09:00:00Z', status: 'deleted' },
    { id: '6', thread: '102', parent: null, author: 'Eve', email: 'eve@leak-check.example', html: 'Waiting', at: '2020-03-02T09:00:00Z', status: 'pending' },
  ],
} as const;
/** What the text of comment 1 becomes: entities decoded, tags gone, paragraphs and <br> as line breaks. */
export const FIRST_TEXT = 'First & bold\n\nSecond line\nthird';

export function disqusXml(site = SITE): string {
  const threads = site.threads.map(
    (t) => `<thread dsq:id="${t.id}"><id/><forum>news</forum><category dsq:id="1"/><link>${esc(t.url)}</link><title>${esc(t.title)}</title><message/><createdAt>2020-01-01T00:00:00Z</createdAt><author><name>Editor</name><isAnonymous>false</isAnonymous></author><isClosed>false</isClosed><isDeleted>false</isDeleted></thread>`,
  );
  const posts = site.comments
    .filter((c) => c.status !== 'pending') // Disqus exports have no queue
    .map(
      (c) =>
        `<post dsq:id="${c.id}"><id/><message>${cdata(c.html)}</message><createdAt>${c.at}</createdAt><isDeleted>${c.status === 'deleted'}</isDeleted><isSpam>${c.status === 'spam'}</isSpam><author><email>${esc(c.email)}</email><name>${esc(c.author)}</name><isAnonymous>false</isAnonymous></author><ipAddress>192.0.2.1</ipAddress><thread dsq:id="${c.thread}"/>${c.parent ? `<parent dsq:id="${c.parent}"/>` : ''}</post>`,
    );
  return `<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n<category dsq:id="1"><forum>news</forum><title>General</title><isDefault>true</isDefault></category>\n${threads.join('\n')}\n${posts.join('\n')}\n</disqus>\n`;
}

const WP_APPROVED: Record<string, string> = { approved: '1', pending: '0', spam: 'spam', deleted: 'trash' };
export function wxrXml(site = SITE): string {
  const items = site.threads.map((t) => {
    const comments = site.comments
      .filter((c) => c.thread === t.id)
      .map(
        (c) =>
          `<wp:comment><wp:comment_id>${c.id}</wp:comment_id><wp:comment_author>${cdata(c.author)}</wp:comment_author><wp:comment_author_email>${cdata(c.email)}</wp:comment_author_email><wp:comment_author_url/><wp:comment_author_IP>${cdata('192.0.2.1')}</wp:comment_author_IP><wp:comment_date>${cdata(c.at.slice(0, 19).replace('T', ' '))}</wp:comment_date><wp:comment_date_gmt>${cdata(c.at.slice(0, 19).replace('T', ' '))}</wp:comment_date_gmt><wp:comment_content>${cdata(c.html)}</wp:comment_content><wp:comment_approved>${cdata(WP_APPROVED[c.status])}</wp:comment_approved><wp:comment_type>${cdata('comment')}</wp:comment_type><wp:comment_parent>${c.parent ?? 0}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>`,
      );
    return `<item><title>${esc(t.title)}</title><link>${esc(t.url)}</link><pubDate>Sat, 01 Feb 2020 00:00:00 +0000</pubDate><dc:creator>${cdata('editor')}</dc:creator><content:encoded>${cdata('<p>The story</p>')}</content:encoded><wp:post_id>${t.id}</wp:post_id><wp:post_type>${cdata('post')}</wp:post_type><wp:status>${cdata('publish')}</wp:status>${comments.join('')}<wp:comment><wp:comment_id>9${t.id}</wp:comment_id><wp:comment_author>${cdata('Blog')}</wp:comment_author><wp:comment_author_email/><wp:comment_date_gmt>2020-04-01 00:00:00</wp:comment_date_gmt><wp:comment_content>${cdata('pinged')}</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type>pingback</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><title>News</title><link>https://news.example</link><wp:wxr_version>1.2</wp:wxr_version>\n${items.join('\n')}\n</channel>\n</rss>\n`;
}

const ISSO_MODE: Record<string, number> = { approved: 1, pending: 2, deleted: 4 };
/** Isso's own schema (isso/db/threads.py and comments.py). Isso has no spam state: spam counts as deleted. */
export async function issoDatabase(file: string, site = SITE) {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(`CREATE TABLE threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256))`);
  db.run(`CREATE TABLE comments (tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER, created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR, text VARCHAR, author VARCHAR, email VARCHAR, website VARCHAR, likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL, notification INTEGER DEFAULT 0)`);
  db.run(`CREATE TABLE preferences (key VARCHAR PRIMARY KEY, value VARCHAR)`);
  for (const t of site.threads) db.run(`INSERT INTO threads VALUES (?, ?, ?)`, [Number(t.id), new URL(t.url).pathname, t.title]);
  for (const c of site.comments) {
    db.run(`INSERT INTO comments (tid, id, parent, created, modified, mode, remote_addr, text, author, email, website, voters) VALUES (?, ?, ?, ?, NULL, ?, '192.0.2.0', ?, ?, ?, NULL, ?)`, [
      Number(c.thread),
      Number(c.id),
      c.parent === null ? null : Number(c.parent),
      Date.parse(c.at) / 1000,
      ISSO_MODE[c.status] ?? 4,
      c.html,
      c.author,
      c.email,
      new Uint8Array(8),
    ]);
  }
  writeFileSync(file, db.export());
  db.close();
}

/** A Disqus export of `n` comments on 100 threads, every tenth a reply to the one before, written as a stream. */
export async function largeDisqus(file: string, n: number) {
  const out = createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n`);
  for (let t = 0; t < 100; t++) await write(`<thread dsq:id="t${t}"><link>https://news.example/story-${t}/</link><title>Story ${t}</title></thread>\n`);
  const start = Date.UTC(2021, 0, 1);
  for (let i = 0; i < n; i++) {
    const parent = i % 10 === 9 ? `<parent dsq:id="${i - 1}"/>` : '';
    await write(
      `<post dsq:id="${i}"><message>${cdata(`<p>Comment number ${i} with some words in it &amp; an entity.</p>`)}</message><createdAt>${new Date(start + i * 1000).toISOString()}</createdAt><isDeleted>false</isDeleted><isSpam>${i % 50 === 0}</isSpam><author><email>reader${i % 997}@leak-check.example</email><name>Reader ${i % 997}</name></author><thread dsq:id="t${Math.floor(i / 10) % 100}"/>${parent}</post>\n`,
    );
  }
  await write(`</disqus>\n`);
  out.end();
  await once(out, 'finish');
}
