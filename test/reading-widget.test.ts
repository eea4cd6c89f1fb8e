import { expect } from '@open-wc/testing';
import { load } from '../src/reading-widget.js';

// The script-tag entry registers the article elements at once and fetches the comment chunks
// only when the document has such an element.
describe('reading-widget.js entry', () => {
  it('registers the article and text-size elements at once', () => {
    expect(customElements.get('rw-article')).to.be.a('function');
    expect(customElements.get('rw-text-size')).to.be.a('function');
  });

  it('does not register the comment elements on a page without them', () => {
    expect(customElements.get('rw-comments')).to.equal(undefined);
    expect(customElements.get('rw-comment-count')).to.equal(undefined);
  });

  it('fetches and registers <rw-comment-count> when one is added to the document', async () => {
    const el = document.createElement('rw-comment-count');
    document.body.append(el);
    try {
      const ctor = await Promise.race([
        customElements.whenDefined('rw-comment-count'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('not loaded in 5 s')), 5000)),
      ]);
      expect(el).to.be.instanceOf(ctor as CustomElementConstructor);
    } finally {
      el.remove();
    }
  });

  it('loads <rw-comments> on demand and returns the same module twice', async () => {
    const first = load('rw-comments');
    expect(load('rw-comments')).to.equal(first);
    const { RwComments } = await first;
    expect(customElements.get('rw-comments')).to.equal(RwComments);
  });
});
