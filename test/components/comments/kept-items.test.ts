import { expect } from '@open-wc/testing';
import { noChange } from 'lit';
import { KeptItems } from '../../../src/components/comments/kept-items.js';

describe('KeptItems', () => {
  const a = { id: 'a' };
  const b = { id: 'b' };
  const c = { id: 'c' };
  const render = (item: { id: string }) => item.id;

  it('renders an item again only when it is new at its place, its key changed, or it has no key', () => {
    const kept = new KeptItems<{ id: string }>();
    expect(kept.map([a, b], () => 'en', render)).to.deep.equal(['a', 'b']);
    // "Load more": the two already shown are kept, the new one rendered.
    expect(kept.map([a, b, c], () => 'en', render)).to.deep.equal([noChange, noChange, 'c']);
    // Another language: all again.
    expect(kept.map([a, b, c], () => 'ar', render)).to.deep.equal(['a', 'b', 'c']);
    // Another order (a sort, a comment gone): what moved is rendered at its new place.
    expect(kept.map([b, c], () => 'ar', render)).to.deep.equal(['b', 'c']);
    // No key: always rendered.
    expect(kept.map([b, c], (item) => (item === b ? null : 'ar'), render)).to.deep.equal(['b', noChange]);
  });

  it('renders everything once the list was not shown', () => {
    const kept = new KeptItems<{ id: string }>();
    kept.map([a], () => 'en', render);
    kept.clear();
    expect(kept.map([a], () => 'en', render)).to.deep.equal(['a']);
  });
});
