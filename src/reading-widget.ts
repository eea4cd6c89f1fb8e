/**
 * The script-tag entry: `<script type="module" src=".../reading-widget.js">` registers every
 * reader-facing element. Loading it twice is harmless. The classes and the catalogue API are
 * exported so a host can register them under its own names or override messages.
 *
 * `<rw-article>` and `<rw-text-size>` are in this file. `<rw-comments>` and `<rw-comment-count>`
 * are chunks of their own, fetched as soon as such an element is in the document (now or later):
 * pages without comments never download them, and the article's start-up never waits for them.
 * `load('rw-comments')` fetches one on demand (e.g. for an element inside a shadow root, which the
 * document cannot see) and resolves to its module.
 */
import { RwArticle } from './components/article/article.js';
import { RwTextSize } from './components/text-size/text-size.js';
import { define } from './define.js';
import { watchNear } from './internal/near.js';

// The text-size control first: the article's built-in one then upgrades as it is rendered.
define('rw-text-size', RwTextSize);
define('rw-article', RwArticle);

// Both elements' chunks import a shared one (their messages, which bring the service client and the
// contract): asked for with theirs, it downloads side by side with them instead of after (a browser
// sees a static import only once the importer has arrived).
// A failure of the shared one shows as the element's own import failing.
const shared = () => void import('./components/comments/messages.js').catch(() => {});
// The comments sections present are watched for nearness while their chunk downloads (internal/near.ts).
const chunks = {
  'rw-comments': () => (shared(), watchNear(document.getElementsByTagName('rw-comments')), import('./comments.js')),
  'rw-comment-count': () => (shared(), import('./comment-count.js')),
};
type Lazy = keyof typeof chunks;
const loading = new Map<Lazy, Promise<unknown>>();

export function load<T extends Lazy>(tag: T): ReturnType<(typeof chunks)[T]> {
  if (!loading.has(tag)) loading.set(tag, chunks[tag]());
  return loading.get(tag) as ReturnType<(typeof chunks)[T]>;
}

// Not in Node (a server importing the module to render): there is no document to watch.
const waiting = globalThis.document ? Object.keys(chunks).map((tag) => [tag as Lazy, document.getElementsByTagName(tag)] as const) : [];
/** Fetches the chunk of each lazy element now in the document; true once every chunk is asked for. */
function loadPresent(): boolean {
  for (const [tag, found] of waiting) if (found.length) void load(tag);
  return loading.size === waiting.length;
}
if (!loadPresent()) {
  const watch = new MutationObserver(() => loadPresent() && watch.disconnect());
  watch.observe(document, { childList: true, subtree: true });
}

export { RwArticle, RwTextSize };
export { registerMessages, type Catalogue, type CatalogueLoader, type MessageKey } from './i18n.js';
export { SCALE_STEPS, getScale, setScale } from './text-scale.js';
