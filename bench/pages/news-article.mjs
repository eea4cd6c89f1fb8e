// The JSON NewsArticle of article-json.html: our article text, its photo held back ?image=MS,
// with the photo's size unless ?size=none.
import { esc } from './_shared.mjs';
import { AUTHOR, DATE, HEADLINE, PARAGRAPHS } from './_content.mjs';

export function render(query) {
  const size = query.size === 'none' ? {} : { width: 640, height: 360 };
  return JSON.stringify({
    '@type': 'NewsArticle',
    headline: HEADLINE,
    datePublished: DATE,
    author: { '@type': 'Person', name: AUTHOR },
    image: { url: `/photo.svg?delay=${Number(query.image) || 0}`, caption: 'Readers queue outside the reopened library on Mill Street.', creditText: 'BENCH AGENCY', ...size },
    articleBodyHtml: PARAGRAPHS.map((p) => `<p>${esc(p)}</p>`).join(''),
  });
}
