/**
 * The Disqus XML export: <thread dsq:id> elements (link, title), then <post dsq:id> elements
 * (message as HTML, createdAt, author name and email, isDeleted, isSpam, <thread dsq:id>, and
 * <parent dsq:id> for a reply). Disqus has no queue: a post is approved unless deleted or spam.
 */
import { htmlToText } from '../html-text.js';
import { child, textOf, xmlRecords } from './xml-records.js';
import type { Input, SourceItem } from './types.js';

export async function* readDisqus(input: Input): AsyncGenerator<SourceItem> {
  for await (const node of xmlRecords(input, { label: 'Disqus export', root: 'disqus', depth: 1, names: ['thread', 'post'] })) {
    const id = node.attributes['dsq:id'];
    if (!id) {
      yield { kind: 'skip', item: `<${node.name}> without dsq:id`, why: 'no dsq:id attribute' };
      continue;
    }
    if (node.name === 'thread') {
      yield { kind: 'thread', sourceId: id, url: textOf(node, 'link') || null, title: textOf(node, 'title') || null };
      continue;
    }
    const thread = child(node, 'thread')?.attributes['dsq:id'];
    if (!thread) {
      yield { kind: 'skip', item: `disqus:${id}`, why: 'the post names no thread' };
      continue;
    }
    const author = child(node, 'author');
    const removed = textOf(node, 'isDeleted') === 'true' || textOf(node, 'isSpam') === 'true';
    yield {
      kind: 'comment',
      sourceId: id,
      threadSourceId: thread,
      parentSourceId: child(node, 'parent')?.attributes['dsq:id'] || null,
      author: author ? textOf(author, 'name') : '',
      email: author ? textOf(author, 'email') : '',
      text: htmlToText(child(node, 'message')?.text ?? ''),
      createdAt: textOf(node, 'createdAt'),
      status: removed ? 'rejected' : 'approved',
    };
  }
}
