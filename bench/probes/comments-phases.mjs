// Where a cold first page of 100 comments spends its time, in Chromium and Firefox, timed by the
// page itself (no tracing, which slows the page): the chunks' responses, the element defined, the
// list request called and resolved in script (against the network's own end in resource timing),
// each read of its body, the first comment in the shadow root, and every frame until painted
// (`ms:children/comments` of the shadow root). On the bench's drive page and service.
//   node bench/probes/comments-phases.mjs [runs]   (after npm run build; about 30 s)
import { launch, freshPage } from '../lib/browser.mjs';
import { launchFirefox, freshFirefoxPage } from '../lib/firefox.mjs';
import { seedApproved, startService } from '../lib/service.mjs';
import { startStaticServer } from '../lib/static-server.mjs';

const runs = Number(process.argv[2] ?? 3);
const web = await startStaticServer({ root: process.cwd() });
const service = await startService({ allowedOrigins: web.origin });
const chromium = await launch();
const firefox = await launchFirefox(console.log);
const url = `${web.origin}/comments.html?mode=drive&endpoint=${encodeURIComponent(service.api)}&thread=phases`;

/** Runs in the page: one cold mount, with its phases. */
async function probe() {
  await __warm(100, false);
  const query = new URLSearchParams(location.search);
  const t0 = performance.now();
  const at = () => Math.round(performance.now() - t0);
  const el = document.createElement('rw-comments');
  // With attributes, as the bench's page (and a publisher's) writes it.
  el.setAttribute('thread', query.get('thread'));
  el.setAttribute('endpoint', query.get('endpoint'));
  el.setAttribute('page-size', '100');
  const marks = { reads: [] };
  customElements.whenDefined('rw-comments').then(() => (marks.defined = at()));
  const realFetch = window.fetch;
  window.fetch = async (...args) => {
    const list = /\/comments\?.*limit=100/.test(String(args[0]));
    if (list) marks.called = at();
    const response = await realFetch(...args);
    if (!list) return response;
    marks.resolved = at();
    const getReader = response.body.getReader.bind(response.body);
    response.body.getReader = () => {
      const reader = getReader();
      const read = reader.read.bind(reader);
      reader.read = async () => {
        const chunk = await read();
        marks.reads.push(chunk.done ? `${at()} done` : `${at()} ${chunk.value.byteLength} B`);
        return chunk;
      };
      return reader;
    };
    return response;
  };
  const frames = [];
  let watching = true;
  const frame = () => {
    frames.push(`${at()}:${el.shadowRoot?.childElementCount ?? '-'}/${el.shadowRoot?.querySelectorAll('article').length ?? '-'}`);
    if (watching) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  document.getElementById('slot').append(el);
  while (!(el.shadowRoot?.querySelectorAll('article').length >= 100)) await new Promise((resolve) => setTimeout(resolve, 2));
  marks.listIn = at();
  const painted = (await __afterPaint()) - t0;
  watching = false;
  window.fetch = realFetch;
  const requests = performance
    .getEntriesByType('resource')
    .filter((e) => e.startTime >= t0)
    .map((e) => `${e.name.split('/').pop().replace(/\?.*/, '').replace(/-[\w-]{8}\.js$/, '.js')} ${Math.round(e.startTime - t0)}→${Math.round(e.responseEnd - t0)}`);
  return { painted: Math.round(painted), ...marks, requests, frames };
}

try {
  await seedApproved(service.api, 'phases', 200);
  const browsers = [['Chromium', () => freshPage(chromium)], ...(firefox ? [['Firefox', () => freshFirefoxPage(firefox)]] : [])];
  for (const [name, open] of browsers) {
    for (let i = 0; i < runs; i++) {
      const { page, close } = await open();
      try {
        await page.goto(url);
        for (let k = 0; k < 200 && !(await page.evaluate(() => window.__bench?.done)); k++) await new Promise((resolve) => setTimeout(resolve, 50));
        const r = await page.evaluate(probe);
        console.log(`${name}: painted ${r.painted} ms; defined ${r.defined}; list request called ${r.called}, resolved ${r.resolved}; reads ${r.reads.join(', ')}; first comments in the DOM ${r.listIn}`);
        console.log(`  network: ${r.requests.join(', ')}`);
        console.log(`  frames (ms:children/comments): ${r.frames.join(' ')}`);
      } finally {
        await close();
      }
    }
  }
} finally {
  await chromium.close();
  await firefox?.browser.close();
  await service.stop();
  await web.close();
}
