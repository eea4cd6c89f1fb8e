import { expect } from '@open-wc/testing';
import { commentPage, counts, decision, InvalidAnswer, posted, queue, status } from '../../src/internal/answers.js';
import { LIMITS } from '../../src/internal/contract.js';

const good = { id: 'c1', parentId: null, author: 'Ava', text: 'Hello', createdAt: '2024-01-01T00:00:00.000Z' };

describe('answers: the client’s checks of the service’s answers', () => {
  it('keeps the valid comments of a page and drops each malformed one', () => {
    const page = commentPage({
      thread: 't',
      total: 9,
      nextCursor: 'next',
      comments: [
        good,
        { ...good, id: 'c2', author: { name: 'x' } },
        { ...good, id: 'c3', text: 5 },
        { ...good, id: 'c4', createdAt: 'yesterday' },
        { ...good, id: 'c5', parentId: 7 },
        { ...good, id: '' },
        { ...good, id: 'x'.repeat(LIMITS.commentId + 1) },
        { ...good, id: 'c8', text: 'y'.repeat(LIMITS.text + 1) },
        { ...good, id: 'c9', author: '🙂'.repeat(LIMITS.author) },
        null,
        'c10',
      ],
    });
    expect(page.comments.map((c) => c.id)).to.deep.equal(['c1', 'c9']);
    expect(page).to.include({ total: 9, nextCursor: 'next' });
  });

  it('keeps the placeholder of an erased comment as removed, and nothing else as removed', () => {
    const placeholder = { ...good, id: 'gone', author: '', text: '', removed: true };
    const page = commentPage({ thread: 't', total: 1, nextCursor: null, comments: [placeholder, { ...good, removed: 'yes' }] });
    expect(page.comments).to.deep.equal([placeholder, good]);
  });

  it('takes a total and a cursor only when they are what the contract says', () => {
    expect(commentPage({ comments: [good], total: -1, nextCursor: 5 })).to.include({ total: 1, nextCursor: null });
    expect(commentPage({ comments: [good], total: 0.5, nextCursor: 'c'.repeat(LIMITS.cursor + 1) })).to.include({ total: 1, nextCursor: null });
  });

  it('refuses a page without a list, and caps a long one', () => {
    for (const value of [null, [], 'page', { total: 3 }, { comments: 'three' }, { comments: { length: 3 } }]) {
      expect(() => commentPage(value), JSON.stringify(value)).to.throw(InvalidAnswer);
    }
    const many = Array.from({ length: LIMITS.answerComments + 10 }, (_, i) => ({ ...good, id: `c${i}` }));
    expect(commentPage({ comments: many }).comments).to.have.length(LIMITS.answerComments);
  });

  it('checks statuses, reasons, posts, counts, the queue and decisions', () => {
    expect(status({ status: 'rejected', reason: 5 })).to.deep.equal({ status: 'rejected' });
    expect(status({ status: 'rejected', reason: 'threat' })).to.deep.equal({ status: 'rejected', reason: 'threat' });
    expect(() => status({ status: 'deleted' })).to.throw(InvalidAnswer);
    expect(posted({ id: 'p', token: 't', status: 'pending' })).to.deep.equal({ id: 'p', token: 't', status: 'pending' });
    expect(() => posted({ id: 'p' })).to.throw(InvalidAnswer);
    expect(counts({ counts: { a: 2, b: -1, c: '3', d: 1.5 } }).counts).to.deep.equal({ a: 2 });
    expect(() => counts({ counts: [] })).to.throw(InvalidAnswer);
    const item = { ...good, thread: 't', email: 'a@example.com', status: 'pending', reason: 'nonsense' };
    expect(queue({ comments: [item, { ...item, id: 'q2', email: 42 }] }).comments).to.deep.equal([{ ...item, reason: null }]);
    expect(queue({ comments: Array.from({ length: 10000 }, (_, i) => ({ ...item, id: `q${i}` })) }).comments).to.have.length(LIMITS.pageSize);
    expect(decision({ id: 'd', status: 'approved', reason: 9 })).to.deep.equal({ id: 'd', status: 'approved' });
    expect(() => decision({ status: 'approved' })).to.throw(InvalidAnswer);
  });
});
