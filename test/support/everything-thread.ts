import { post, reject, seed, uniqueThread, type TestServer } from './comments-server.js';

/**
 * A thread for renderEverything(): approved comments and a reply, and the reader's own pending and
 * refused comments (remembered in this origin's storage), with the moderator signed in.
 */
export async function seedEverything(server: TestServer, name = 'everything'): Promise<string> {
  const thread = uniqueThread(name);
  const first = await seed(server, thread, { author: 'Approved reader', text: 'An approved comment.' });
  await seed(server, thread, { author: 'Replier', text: 'An approved reply.', parentId: first });
  const mine = [];
  for (const text of ['My first pending comment.', 'My second pending comment.']) {
    const answer = await post(server, thread, { author: 'Me', text });
    mine.push({ ...answer, author: 'Me', text, parentId: null, createdAt: new Date().toISOString() });
  }
  const refused = await post(server, thread, { author: 'Me', text: 'My refused comment.' });
  await reject(server, refused.id, 'off-topic');
  mine.push({ ...refused, status: 'rejected', reason: 'off-topic', author: 'Me', text: 'My refused comment.', parentId: null, createdAt: new Date().toISOString() });
  localStorage.setItem(`rw-mine:${thread}`, JSON.stringify(mine));
  sessionStorage.setItem('rw-moderator-token', server.token);
  return thread;
}
