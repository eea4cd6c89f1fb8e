import { fixture, html } from '@open-wc/testing';
import '../../../src/comments.js';
import type { RwComments } from '../../../src/components/comments/comments.js';
import { seed, uniqueThread, useServer } from '../../support/comments-server.js';
import { until } from '../../support/dom.js';
import { phaseOf } from '../../support/comments-state.js';
import type { ListController } from '../../../src/components/comments/list-controller.js';

// The measurement reaches the element's private list: it times rendering alone, without a fetch.
const listOf = (el: RwComments) => (el as unknown as { list: ListController }).list;

// Prints how long a page of 100 comments takes to show; a figure for the report, never asserted.
const server = useServer();

const browser = navigator.userAgent.match(/(Firefox|Chrome)\/\d+/)?.[0];

describe('rw-comments render time (measured, not asserted)', function () {
  this.timeout(180000);

  it('renders a page of 100 comments', async () => {
    const thread = uniqueThread('hundred');
    const seeded = [];
    for (let i = 0; i < 100; i++) seeded.push(seed(server, thread, { author: `Reader ${i}`, text: `Comment number ${i}.\nWith a second line of text.` }));
    await Promise.all(seeded);

    const start = performance.now();
    const el = await fixture<RwComments>(html`<rw-comments loading="eager" page-size="100" thread=${thread} endpoint=${server.endpoint}></rw-comments>`);
    await until(() => phaseOf(el) === 'ready');
    await el.updateComplete;
    const fetched = performance.now() - start;

    // Render alone: the same 100 comments into a fresh element, timed from assignment to painted layout.
    const items = listOf(el).items;
    const fresh = await fixture<RwComments>(html`<rw-comments thread="measure-only"></rw-comments>`);
    const t0 = performance.now();
    Object.assign(listOf(fresh), { items, total: items.length, phase: 'ready' });
    listOf(fresh).slices.from();
    fresh.requestUpdate();
    await fresh.updateComplete;
    fresh.shadowRoot!.querySelector('ol')!.getBoundingClientRect();
    const first = performance.now() - t0;
    // The rest arrives a slice per frame (src/internal/slices.ts).
    await until(() => fresh.shadowRoot!.querySelectorAll('article').length === 100);
    fresh.shadowRoot!.querySelector('ol')!.getBoundingClientRect();
    const rendered = performance.now() - t0;
    console.log(
      `[render-time] ${browser}: page of 100 comments: first slice render + layout ${first.toFixed(1)} ms, all 100 shown after ${rendered.toFixed(1)} ms; fetch + first render ${fetched.toFixed(1)} ms`,
    );
  });
});
