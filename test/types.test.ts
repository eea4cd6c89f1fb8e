// Type-level test (checked by `tsc --noEmit`, and run in the browser too): every element resolves to
// its class through HTMLElementTagNameMap, and every event to its typed CustomEvent through
// GlobalEventHandlersEventMap. A missing entry turns `e.detail` into an error here.
import { expect } from '@open-wc/testing';
import '../src/reading-widget.js';
import '../src/comments.js';
import '../src/comment-count.js';
import { RwModeration } from '../src/components/moderation/moderation.js';
import {
  RwArticle,
  RwCommentCount,
  RwComments,
  RwTextSize,
  type CommentPostedDetail,
  type CommentSubmitDetail,
  type RwErrorDetail,
  type RwTextSizeChangeDetail,
} from '../src/index.js';
import { emit } from '../src/events.js';

describe('typings', () => {
  it('maps tag names to classes and event names to typed details', () => {
    const article: RwArticle = document.createElement('rw-article');
    const textSize: RwTextSize = document.createElement('rw-text-size');
    expect(article).to.be.instanceOf(RwArticle);
    expect(textSize).to.be.instanceOf(RwTextSize);
    const comments: RwComments = document.createElement('rw-comments');
    const count: RwCommentCount = document.createElement('rw-comment-count');
    expect(comments).to.be.instanceOf(RwComments);
    expect(count).to.be.instanceOf(RwCommentCount);
    // Registered by its own bundle entry (src/moderation.ts); the tag map knows it either way.
    const moderation: RwModeration | undefined = undefined as HTMLElementTagNameMap['rw-moderation'] | undefined;
    expect(moderation).to.equal(undefined);
    const found: RwArticle | null = document.querySelector('rw-article');
    expect(found).to.equal(null);

    const seen: unknown[] = [];
    textSize.addEventListener('rw-text-size-change', (e) => {
      const scale: number = e.detail.scale;
      const detail: RwTextSizeChangeDetail = e.detail;
      // @ts-expect-error the detail is typed, not `any`
      seen.push(e.detail.nope, detail);
      seen.push(scale);
    });
    article.addEventListener('rw-error', (e) => {
      const code: string = e.detail.code;
      const detail: RwErrorDetail = e.detail;
      seen.push(code, detail.message);
    });
    comments.addEventListener('rw-comment-submit', (e) => {
      const detail: CommentSubmitDetail = e.detail;
      const thread: string = e.detail.thread;
      seen.push(detail.comment, thread, e.cancelable);
    });
    comments.addEventListener('rw-comment-posted', (e) => {
      const detail: CommentPostedDetail = e.detail;
      const id: string = e.detail.id;
      seen.push(detail.status, id);
    });
    count.addEventListener('rw-error', (e) => seen.push(e.detail.code));
    // Bubbling and composed: a listener on the document is typed too.
    document.addEventListener('rw-text-size-change', (e) => seen.push(e.detail.scale), { once: true });
    expect(seen).to.deep.equal([]);
  });

  it('types emit by the one event map', () => {
    // Never called: the checks are tsc's.
    const never = (target: EventTarget) => {
      const event: CustomEvent<RwErrorDetail> = emit(target, 'rw-error', { code: 'network', message: '' });
      // @ts-expect-error a detail of another event
      emit(target, 'rw-error', { scale: 1 });
      // @ts-expect-error not one of our events
      emit(target, 'rw-nope', {});
      return event;
    };
    expect(typeof never).to.equal('function');
  });
});
