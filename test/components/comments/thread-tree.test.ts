import { expect } from '@open-wc/testing';
import type { Comment } from '../../../src/api.js';
import { threadTree } from '../../../src/components/comments/thread-tree.js';
import type { Mine } from '../../../src/components/comments/pending.js';

const c = (id: string, parentId: string | null = null): Comment => ({ id, parentId, author: 'A', text: id, createdAt: '2024-01-01T00:00:00Z' });
const m = (id: string, parentId: string | null = null) => ({ ...c(id, parentId), token: 't', status: 'pending' }) as Mine;
const ids = (list: readonly { id: string }[] = []) => list.map((x) => x.id);

describe('threadTree', () => {
  it('puts replies under their listed top-level comment, oldest first as given', () => {
    const tree = threadTree([c('a'), c('r1', 'a'), c('b'), c('r2', 'a')], [m('mine-a', 'a'), m('mine-top')]);
    expect(ids(tree.top)).to.deep.equal(['a', 'b']);
    expect(ids(tree.replies.get('a'))).to.deep.equal(['r1', 'r2']);
    expect(ids(tree.mineUnder.get('a'))).to.deep.equal(['mine-a']);
    expect(ids(tree.loose)).to.deep.equal(['mine-top']);
  });

  it('never loses a comment, whatever the service sends', () => {
    // A reply to an unlisted comment, a reply to a reply, a reply to itself and a cycle.
    const items = [c('a'), c('orphan', 'gone'), c('r', 'a'), c('rr', 'r'), c('self', 'self'), c('x', 'y'), c('y', 'x')];
    const tree = threadTree(items, [m('mine-orphan', 'gone')]);
    const shown = [...ids(tree.top), ...[...tree.replies.values()].flatMap(ids)];
    expect(shown.sort()).to.deep.equal(ids(items).sort());
    expect(ids(tree.top)).to.deep.equal(['a', 'orphan', 'rr', 'self', 'x', 'y']);
    expect(ids(tree.loose)).to.deep.equal(['mine-orphan']);
  });
});
