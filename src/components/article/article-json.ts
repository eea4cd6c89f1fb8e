/**
 * `<rw-article src>`: loads a JSON NewsArticle and renders it in the shadow root. Loaded on demand
 * with DOMPurify, so pages that only use light-DOM articles never download either.
 */
import purify from 'dompurify';
import { adoptStyles, html, nothing, type TemplateResult } from 'lit';
import type { RwArticle } from './article.js';
import { addDefaults } from '../../i18n.js';
import english from '../../locales/en-article-json.js';
import { jsonStyles } from './article-json.styles.js';
import { safeUrl } from './safe-url.js';

// Its English messages (byline, photo credit) travel with the chunk, not with the script-tag entry.
addDefaults(english);

interface Person {
  name?: string;
  url?: string;
}
interface ImageObject {
  url?: string;
  contentUrl?: string;
  caption?: string;
  creditText?: string;
  /** Pixels: a number, "1200", "1200 px" or a QuantitativeValue; with both, the image's space is kept before it loads. */
  width?: unknown;
  height?: unknown;
}
/** The JSON read by `src`: schema.org `NewsArticle` field names, plus `articleBodyHtml`. */
export interface NewsArticleJSON {
  headline: string;
  datePublished?: string;
  author?: Person | Person[];
  image?: ImageObject | ImageObject[] | string;
  description?: string;
  /** Sanitised with DOMPurify before it is shown. */
  articleBodyHtml?: string;
  /** "CITY, Region –", shown in small capitals at the start of the first paragraph. */
  dateline?: string;
  /** Teasers link here unless the element has `href`. */
  url?: string;
}

export type ArticleView = (el: RwArticle, teaser: boolean) => TemplateResult;

const list = <T>(value: T | T[] | undefined): T[] => (value == null ? [] : Array.isArray(value) ? value : [value]);

/** A schema.org size in pixels, or nothing when it is not a positive number. */
function pixels(size: unknown): number | typeof nothing {
  const n = Number.parseFloat(String(size && typeof size === 'object' ? (size as { value?: unknown }).value : size));
  return n > 0 && Number.isFinite(n) ? Math.round(n) : nothing;
}

const styled = new WeakSet<ShadowRoot>();
/** The element's own styles, then the JSON-only rules (adoptStyles replaces the list). */
function withJsonStyles(el: RwArticle) {
  const root = el.renderRoot as ShadowRoot;
  if (styled.has(root)) return;
  styled.add(root);
  adoptStyles(root, [...(el.constructor as typeof RwArticle).elementStyles, jsonStyles]);
}

/** Rejects with an `rw-error` code: `network`, `http-<status>`, `invalid-json` or `invalid-article`. */
export async function loadArticle(src: string): Promise<ArticleView> {
  let code = 'network';
  let data: NewsArticleJSON;
  let base = src;
  try {
    const response = await fetch(src);
    base = response.url;
    if (!response.ok) throw (code = `http-${response.status}`);
    code = 'invalid-json';
    data = await response.json();
  } catch {
    throw code;
  }
  if (typeof data?.headline !== 'string') throw 'invalid-article';
  // Parsed once into nodes (no markup string reaches a sink of ours); re-renders reuse them.
  const body = purify.sanitize(String(data.articleBodyHtml ?? ''), {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'],
    FORBID_ATTR: ['style'],
  });
  if (data.dateline) {
    const dateline = document.createElement('span');
    dateline.className = 'dateline';
    dateline.part.add('dateline');
    dateline.textContent = `${data.dateline} `;
    (body.querySelector('p') ?? body).prepend(dateline);
  }
  // Addresses in the JSON are relative to the JSON file, not to the page.
  const url = (value: unknown) => safeUrl(value, base);
  return (el, teaser) => {
    withJsonStyles(el);
    return view(el, teaser, data, body, url);
  };
}

function view(el: RwArticle, teaser: boolean, data: NewsArticleJSON, body: DocumentFragment, url: (value: unknown) => string | undefined): TemplateResult {
  const l = el.locale;
  const image = list(data.image).map((i) => (typeof i === 'string' ? { url: i } : i))[0];
  const src = url(image?.url ?? image?.contentUrl);
  const credit = image?.creditText;
  const figure = src
    ? html`<figure part="figure" class="figure">
        <img part="image" src=${src} alt="" width=${pixels(image!.width)} height=${pixels(image!.height)} />
        ${image!.caption || credit
          ? html`<figcaption part="caption">
              ${image!.caption}
              ${credit ? html`<small part="credit" class="credit">${l.t('photoCredit', { credit })}</small>` : nothing}
            </figcaption>`
          : nothing}
      </figure>`
    : nothing;
  const headline = html`<div part="headline" class="headline" role="heading" aria-level=${el.headingLevel ?? (teaser ? 3 : 2)}>
    ${el.headline(teaser, data.headline, url(data.url))}
  </div>`;
  if (teaser) return el.card(teaser, html`${figure}${headline}<p part="summary" class="summary">${data.description}</p>`);
  const authors = list(data.author).filter((a) => a?.name);
  const date = data.datePublished;
  return el.card(
    teaser,
    html`${headline}
      <div part="meta" class="meta">
        ${authors.length
          ? html`<span part="byline" class="byline"
              ><span
                >${l.t('articleBy')}
                ${authors.map((a, i) => {
                  const href = url(a.url);
                  return html`${i ? ', ' : ''}${href ? html`<a href=${href}>${a.name}</a>` : a.name}`;
                })}</span
              ></span
            >`
          : nothing}
        ${date ? html`<time part="date" datetime=${date}>${l.date(date)}</time>` : nothing} ${el.textSize()}
      </div>
      ${figure}
      <div part="body" class="body">${body}</div>`,
  );
}
