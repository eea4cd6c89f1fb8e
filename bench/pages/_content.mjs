// The bench's own article text (fictional town, people and figures), shaped like the page we model:
// headline, date, byline, a dateline, quotes with a bracketed insertion, a captioned photo with credit,
// then "The Latest" teasers.
import { esc } from './_shared.mjs';

export const HEADLINE = 'Hill town reopens its flooded library two years after the river rose';
export const DATE = '2025-03-14T09:30:00+03:00';
export const AUTHOR = 'Dana Rashid';

export const PARAGRAPHS = [
  'BIRKHAN, Northern Highlands – The public library of Birkhan opened its doors again on Friday morning, twenty-six months after a spring flood filled its reading room with a metre of brown water and carried away most of its children’s books.',
  'Several hundred residents queued along Mill Street before the doors opened at nine, some holding books they had borrowed before the flood and never been able to return.',
  '“We kept the receipts in a biscuit tin,” said Shirin Aziz, 71, who returned three novels and a cookery book. “I told my grandson the library would come back. He did not believe me, and now he has his own card.”',
  'The building, a two-storey stone house from the 1920s, was stripped to its walls in the months after the flood. Engineers found that the ground floor had been built without a damp course, and that water had risen into the walls well above the flood line.',
  'Rebuilding cost 4.2 million, according to the municipal council, of which a little over half came from a regional recovery fund and the rest from the town’s own budget and about 1,900 private donations.',
  '“Every donation had a name on it, and we have written every name on the wall by the stairs,” said the head librarian, Karwan Mahmoud. “Some gave a month’s salary. One boy gave his pocket money for a year [about 60 in total], and asked only that we buy more comics.”',
  'The shelves on the ground floor now stand on steel legs forty centimetres high, and the rare collection of local newspapers, some dating back to 1931, has moved to a sealed room upstairs.',
  'Hydrologists at the regional water authority say the Little Zab tributary that runs past the town is likely to flood again. Its catchment lost much of its tree cover in the dry years, and rain now reaches the river faster than it did a generation ago.',
  '“The question is not whether the water comes back, but what it finds when it does,” said Lana Hussein, an engineer with the authority. “This building is now ready for it. Most of the street is not.”',
  'The council has promised a flood wall along the lower part of Mill Street by the end of next year, but the tender has been delayed twice, and shopkeepers say they have heard such promises before.',
  'For now, the library has other worries. Its new catalogue lists just over 18,000 books, fewer than half of what it held before, and the reading room closes at four because the council has funded only two full-time posts.',
  'Volunteers have offered to keep it open in the evenings, when students come after school. Mr Mahmoud said the council would decide in April whether they may.',
  'On Friday, though, the mood was festive. A brass band from the secondary school played on the steps, and by noon the children’s corner had lent out its first 300 books. The comics, Mr Mahmoud noted, went first.',
];

export const TEASERS = [
  { headline: 'Farmers in the valley try drip irrigation as wells run low', summary: 'A cooperative of forty families shares the cost of pipes and pumps, and the first harvest is in.', caption: 'Hoses between rows of tomatoes.', credit: 'Photo: BENCH AGENCY' },
  { headline: 'Night buses return to the city’s eastern districts', summary: 'Three routes run again after midnight, eighteen months after the service was cut.', caption: 'A night bus at the eastern terminus.', credit: 'Photo: BENCH AGENCY' },
  { headline: 'Old bazaar roof to be repaired before the summer heat', summary: 'Traders agree to a month of partial closures while the timber beams are replaced.', caption: 'The bazaar’s covered lane at noon.', credit: 'Photo: BENCH AGENCY' },
];

/** A grey placeholder picture with fixed dimensions, so it never shifts anything when it loads. */
export const PHOTO = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><rect width="640" height="360" fill="#9aa5b1"/></svg>');

/** The article's light DOM (what the publisher writes), for a given element tag. */
export function articleBody(paragraphs = PARAGRAPHS) {
  const paras = paragraphs.map((p) => {
    const dateline = p.match(/^([A-Z]{3,}, [^–]+ –) (.*)$/);
    return dateline ? `<p><span class="dateline">${esc(dateline[1])}</span> ${esc(dateline[2])}</p>` : `<p>${esc(p)}</p>`;
  });
  paras.splice(4, 0, `<figure><img src="${PHOTO}" width="640" height="360" alt="Readers queue outside the stone library building"><figcaption>Readers queue outside the reopened library on Mill Street. <small class="credit">Photo: BENCH AGENCY</small></figcaption></figure>`);
  return [
    `<h1 slot="headline">${esc(HEADLINE)}</h1>`,
    `<p slot="byline">By <a href="#author">${esc(AUTHOR)}</a></p>`,
    `<time slot="date" datetime="${DATE}">14-03-2025</time>`,
    ...paras,
  ].join('\n');
}

export function teaser(t, i, tag, attrs = '') {
  return `<${tag}${attrs} href="#teaser-${i}">
  <figure slot="figure"><img src="${PHOTO}" width="320" height="180" alt=""><figcaption>${esc(t.caption)} <small class="credit">${esc(t.credit)}</small></figcaption></figure>
  <h3 slot="headline">${esc(t.headline)}</h3>
  <p>${esc(t.summary)}</p>
</${tag}>`;
}

/** Deterministic filler prose of `words` words, in paragraphs of about 90 words. */
export function generatedParagraphs(words) {
  const vocabulary = ('the council said river library street water town winter road school market bridge morning ' +
    'residents families engineers budget summer harvest village teacher museum bus route season rain valley ' +
    'report plan week month year money people children building repairs volunteers evening office program').split(' ');
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, 80 + Math.floor(next() * 20));
    const ws = Array.from({ length: n }, () => vocabulary[Math.floor(next() * vocabulary.length)]);
    ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
    out.push(ws.join(' ').replace(/(\S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+)/g, '$1.').trim() + '.');
    left -= n;
  }
  return out;
}
