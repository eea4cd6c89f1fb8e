import { html, render } from 'lit';
import '../../src/reading-widget.js';
import '../../src/comments.js';
import '../../src/comment-count.js';
import '../../src/moderation.js';
import type { RwComments } from '../../src/components/comments/comments.js';
import { phaseOf } from './comments-state.js';

/*
 * Everything our elements draw, with content: a light-DOM, a JSON and a teaser article, a
 * text-size control, a comment count, comments (approved, a reply, the reader's pending and
 * refused ones, the form with its errors) and a moderation queue. Imported by the test page and by
 * pages in iframes (test/fixtures/theme/everything.html), each with its own copy of the elements:
 * so it uses nothing of the test framework.
 */
const all = (host: Element, selector: string) => [...host.shadowRoot!.querySelectorAll(selector)];

async function until(predicate: () => unknown, message: string) {
  for (const start = Date.now(); !predicate(); await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (Date.now() - start > 15000) throw new Error(message);
  }
}

/** Renders everything into `wrapper`, between a focus start and stop, and waits until it is all shown. */
export async function renderEverything(wrapper: HTMLElement, endpoint: string, thread: string): Promise<void> {
  render(
    html`<span tabindex="-1" id="start"></span>
      <rw-article format-date>
        <h1 slot="headline">A light-DOM article</h1>
        <p slot="byline">By <a href="#author">Rozhan Aziz</a></p>
        <time slot="date" datetime="2024-03-05"></time>
        <p><span class="dateline">HALABJA –</span> Body with <a href="#link">a link</a>.</p>
        <blockquote><p>A quote.</p></blockquote>
        <figure><figcaption>Caption. <small class="credit">Photo: Agency</small></figcaption></figure>
      </rw-article>
      <rw-article src=${new URL('../fixtures/article.json', import.meta.url).href}></rw-article>
      <rw-article variant="teaser" href="#teaser"><h3 slot="headline">A teaser</h3><p>Its summary.</p></rw-article>
      <rw-text-size></rw-text-size>
      <p>Read the <rw-comment-count thread=${thread} endpoint=${endpoint}></rw-comment-count>.</p>
      <rw-comments thread=${thread} endpoint=${endpoint} loading="eager"></rw-comments>
      <rw-moderation endpoint=${endpoint}></rw-moderation>
      <span tabindex="0" id="end"></span>`,
    wrapper,
  );
  const comments = wrapper.querySelector<RwComments>('rw-comments')!;
  const moderation = wrapper.querySelector('rw-moderation')!;
  await until(() => phaseOf(comments) === 'ready', 'the comments never loaded');
  await until(() => all(comments, '[part~=mine]').length === 3, 'the reader’s own comments are not shown');
  await until(() => all(moderation, 'article').length > 0, 'the moderation queue never loaded');
  await until(() => wrapper.querySelector('rw-comment-count')!.shadowRoot!.textContent!.match(/\d/), 'no count');
  await until(() => wrapper.querySelector('rw-article[src]')!.shadowRoot!.querySelector('[part~=body]'), 'the JSON article never loaded');
  // The form with its errors: an empty submit.
  comments.shadowRoot!.querySelector<HTMLElement>('[part~=submit]')!.click();
  await until(() => all(comments, '[part=error]').some((p) => p.textContent!.trim()), 'no field error');
  const elements = [...wrapper.querySelectorAll('*')].filter((el): el is Element & { updateComplete: Promise<unknown> } => 'updateComplete' in el);
  await Promise.all(elements.map((el) => el.updateComplete));
}
