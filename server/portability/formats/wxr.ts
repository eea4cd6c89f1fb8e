/**
 * The WordPress export (WXR): each <item> (link, title, wp:post_id) holds its <wp:comment>
 * children (wp:comment_id, wp:comment_parent, author, author email, wp:comment_date_gmt,
 * wp:comment_content, wp:comment_approved: 1, 0, spam or trash, and wp:comment_type).
 */
import { htmlToText } from '../html-text.js';
import { textOf, xmlRecords } from './xml-records.js';
import type { Input, SourceComment, SourceItem } from './types.js';

const STATUS: Record<string, SourceComment['status']> = { '1': 'approved', '0': 'pending', spam: 'rejected', trash: 'rejected' };

/** WordPress writes GMT dates as "2020-02-02 10:00:00" ("0000-00-00 00:00:00" when unknown). */
const gmt = (value: string) => (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) ? `${value.replace(' ', 'T')}Z` : value);

export async function* readWxr(input: Input): AsyncGenerator<SourceItem> {
  for await (const item of xmlRecords(input, { label: 'WordPress export (WXR)', root: 'rss', depth: 2, names: ['item'] })) {
    const comments = item.children.filter((c) => c.name === 'wp:comment');
    if (!comments.length) continue;
    const post = textOf(item, 'wp:post_id');
    if (!post) {
      yield { kind: 'skip', item: `<item> "${textOf(item, 'title')}"`, why: `no wp:post_id: its ${comments.length} comments are skipped` };
      continue;
    }
    yield { kind: 'thread', sourceId: post, url: textOf(item, 'link') || null, title: textOf(item, 'title') || null };
    for (const c of comments) {
      const id = textOf(c, 'wp:comment_id');
      const item = `wxr:${id || `(post ${post}, no wp:comment_id)`}`;
      const type = textOf(c, 'wp:comment_type');
      const approved = textOf(c, 'wp:comment_approved');
      if (!id) yield { kind: 'skip', item, why: 'no wp:comment_id' };
      else if (type && type !== 'comment') yield { kind: 'skip', item, why: `a ${type}, not a comment` };
      else if (!STATUS[approved]) yield { kind: 'skip', item, why: `unknown wp:comment_approved "${approved}"` };
      else {
        const parent = textOf(c, 'wp:comment_parent');
        yield {
          kind: 'comment',
          sourceId: id,
          threadSourceId: post,
          parentSourceId: parent && parent !== '0' ? parent : null,
          author: textOf(c, 'wp:comment_author'),
          email: textOf(c, 'wp:comment_author_email'),
          text: htmlToText(textOf(c, 'wp:comment_content')),
          createdAt: gmt(textOf(c, 'wp:comment_date_gmt')),
          status: STATUS[approved],
        };
      }
    }
  }
}
