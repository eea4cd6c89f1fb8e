/**
 * dist/reading-widget.css: the page's own layout of our elements before the script has upgraded
 * them (and for good, without JavaScript). It lays the light-DOM article out as the card will be,
 * with a place kept for the text-size controls, and keeps the comments section's space, so that
 * nothing moves when the elements upgrade and nothing has to be hidden until then.
 *
 * One source: every declaration is read from the card's own shadow styles by selector (a build
 * error if one goes missing), and every `::slotted()` rule is carried over as the same rule on the
 * light-DOM child. Only what the shadow tree adds around the light DOM is written here: the
 * grid that stands in for the wrappers, the meta row's frame and the controls' place. The few
 * sizes that come from rendered content (the controls, the comments section) are measured figures,
 * held to the real elements by test/package/pre-upgrade.test.mjs.
 *
 * Built by build/vite-plugin-pre-upgrade-css.ts; runs at build time in Node.
 */
import { controls, tokens } from '../../styles/tokens.js';
import { styles as commentsStyles } from '../comments/comments.styles.js';
import { styles as textSizeStyles } from '../text-size/text-size.styles.js';
import { lightRules, styles } from './article.styles.js';

const A = 'rw-article:not(:defined)';
const CARD = `${A}:not([variant])`;
const TEASER = `${A}[variant=teaser]`;

type Sheet = { cssText: string };

/** A selector list split at its top-level commas: `a, :is(b, c)` is two selectors, not three. */
export function splitSelectors(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === '(') depth++;
    else if (list[i] === ')') depth--;
    else if (list[i] === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  return [...parts, list.slice(start)];
}

const rules = (sheets: readonly Sheet[]) =>
  [...sheets.map((s) => s.cssText).join('\n').replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)].map(([, selector, body]) => ({
    selectors: splitSelectors(selector!).map((s) => s.trim().replace(/\s+/g, ' ')),
    body: body!.trim().replace(/\s+/g, ' ').replace(/;?$/, ';'),
  }));

const card = rules([tokens, ...styles]);
const control = rules([...controls, textSizeStyles]);
const comments = rules([commentsStyles]);

/** The declarations of the rule with exactly this selector (one of its comma-separated list). */
function of(selector: string, from = card): string {
  const found = from.filter((r) => r.selectors.includes(selector));
  if (!found.length) throw new Error(`pre-upgrade CSS: the card's styles have no rule for "${selector}"`);
  return found.map((r) => r.body).join(' ');
}

const INHERITED = /^(font|line-height|color|hyphens|text-wrap|letter-spacing|overflow-wrap|text-transform)/;
/** The declarations of a shadow wrapper that its slotted children inherit. */
const inherited = (body: string) =>
  body.split(';').map((d) => d.trim()).filter((d) => d && INHERITED.test(d)).join(';') + ';';
const value = (body: string, property: string) =>
  [...body.matchAll(new RegExp(`(?:^|;)\\s*${property}\\s*:([^;!]+)`, 'g'))].pop()?.[1]?.trim();

/**
 * A light-DOM child as if slotted into wrappers: what it inherits from them, at no specificity (a
 * page rule beats it, as it beats inheritance), except size and line height, which the card
 * forces on slotted children.
 */
function slotted(selector: string, ...wrappers: string[]): string {
  const body = wrappers.map(inherited).join('');
  const forced = ['font-size', 'line-height'].flatMap((p) => {
    const v = value(body, p);
    return v ? [`${p}:${v}!important`] : [];
  });
  return `:where(${selector}){${body}}${forced.length ? `${selector}{${forced.join(';')}}` : ''}`;
}

/** The card's `::slotted()` rules, as rules on the light-DOM children themselves. */
function slottedRules(): string {
  const out: string[] = [];
  for (const rule of card) {
    const selectors = rule.selectors.flatMap((s) => {
      let m = s.match(/^\.body > slot::slotted\((.+)\)$/);
      if (m) return [`${CARD}>${m[1] === '*' ? ':not([slot])' : `:is(${m[1]}):not([slot])`}`];
      if (s === "slot[name='figure']::slotted(*)") return [`${TEASER}>[slot=figure]`];
      if (s === 'slot::slotted(*)') return [`${A}>*`];
      return [];
    });
    if (!selectors.length) continue;
    // Normal declarations of a shadow tree lose to the page's: no specificity keeps that order.
    const normal = rule.body.split(';').filter((d) => d.trim() && !d.includes('!important')).join(';');
    const forced = rule.body.split(';').filter((d) => d.includes('!important')).join(';');
    if (normal) out.push(`:where(${selectors.join(',')}){${normal}}`);
    if (forced) out.push(`${selectors.join(',')}{${forced}}`);
  }
  return out.join('');
}

/**
 * The comments section before its first render: its heading, notice, guidelines, form and the
 * place kept for the list, measured in rem at the usual widths (it is taller where text wraps).
 */
export const COMMENTS_RESERVE = { wide: '78rem', narrow: '86rem', narrowBelow: '30rem' };
/**
 * The comments section until it first renders: before its script, and while it holds its first
 * render for its list's answer (`:state(holding)`, comments.ts). `:is()` forgives a browser that
 * does not know `:state()`.
 */
const COMMENTS = 'rw-comments:is(:not(:defined),:state(holding))';
/** The text-size controls: three buttons of the shared size in a row (measured). */
const CONTROL = { inline: '9.9rem', block: of('button', control).match(/min-block-size:([^;]+)/)![1]!, gap: value(of('.meta'), 'gap')!.split(' ').pop()! };
/** Below this card width the meta row wraps and the controls take a line of their own. */
const META_WRAPS_BELOW = '34rem';

/**
 * The comments heading's top margin collapses through the element once it renders; the same
 * margin on the empty element collapses with its neighbours the same way.
 */
function commentsMargin(): string {
  const size = value(of(':host>h2', comments), 'font-size')!.replace(/var\(--_rw-scale,\s*1\)/, '1');
  const margin = value(of('h2', comments), 'margin-block')!.split(' ')[0]!;
  return `calc(${size} * ${parseFloat(margin)})`;
}

export function preUpgradeCss(): string {
  // The host's own tokens, without its colour scheme: the page's scheme carries down, as the
  // theme controller follows the page's scheme once the script runs.
  // Nor its !important colour and font: on the host they would beat the card's own font here.
  const host = of(':host').replace(/(color-scheme|font-family):[^;]+;/g, '').replace(/\s*!important/g, '');
  const meta = of('.meta');
  return [
    `${A},rw-comments:not(:defined){display:block}`,
    `${A}{${host}}`,
    `${A}{${of('.card')}}`,
    // The card's wrappers as grid areas: headline, the meta row (byline, date, controls), body.
    `${CARD}{display:grid;grid-template-columns:auto auto 1fr auto;align-items:center;gap:0 ${CONTROL.gap}}`,
    `${CARD}>*{grid-column:1/-1}`,
    `${CARD}>[slot=headline]{grid-row:1;margin-block-end:var(--_rw-space)!important}`,
    `${CARD}>[slot=byline]{grid-row:2;grid-column:1}`,
    `${CARD}>[slot=date]{grid-row:2;grid-column:2}`,
    `${CARD}::before{content:'';grid-row:2;grid-column:1/-1;align-self:stretch;box-sizing:content-box;min-block-size:${CONTROL.block};${meta.replace(/(display|flex-wrap|align-items|gap):[^;]+;/g, '')}}`,
    // The card's gap below the meta row: on the first body child, so that the row centres its
    // items on its own height.
    `${CARD}>:not([slot]):not(:not([slot])~:not([slot])){margin-block-start:var(--_rw-space)!important}`,
    // Grid items keep their children's margins inside; in the card's body they collapse through.
    `:where(${CARD}>:not([slot]))>:first-child{margin-block-start:0}:where(${CARD}>:not([slot]))>:last-child{margin-block-end:0}`,
    `${CARD}::after{content:'';grid-row:2;grid-column:4;inline-size:${CONTROL.inline};block-size:${CONTROL.block}}`,
    `@media (max-width:${META_WRAPS_BELOW}){${CARD}{grid-template-columns:auto auto 1fr}${CARD}::after{grid-row:3;grid-column:1/-1;justify-self:end;margin-block-end:calc(${CONTROL.gap} + 0.75rem)}${CARD}::before{grid-row:2/4}${CARD}>[slot=byline],${CARD}>[slot=date]{align-self:start;margin-block-start:0.75rem}}`,
    slotted(`${CARD}>[slot=headline]`, of('.headline')),
    slotted(`${CARD}>[slot=byline]`, meta, of('.byline')),
    slotted(`${CARD}>[slot=date]`, meta),
    slotted(`${CARD}>:not([slot])`, `font-size:${value(of('.card > *'), 'font-size')};`, of('.body')),
    // A JSON article before the script: the height its loading state keeps.
    `${CARD}[src]{${of('.card[aria-busy]:not(.teaser)')}}`,
    `${TEASER}{${of('.teaser')}}`,
    slotted(`${TEASER}>[slot=headline]`, of('.headline'), of('.teaser .headline')),
    slotted(`${TEASER}>:not([slot])`, `font-size:${value(of('.teaser > *'), 'font-size')};`, of('.summary')),
    `${TEASER}>:not([slot=figure]){${of('.teaser > :not(.figure)')}}`,
    slottedRules(),
    `${COMMENTS}{min-block-size:${COMMENTS_RESERVE.wide};margin-block-start:${commentsMargin()}}`,
    `@media (max-width:${COMMENTS_RESERVE.narrowBelow}){${COMMENTS}{min-block-size:${COMMENTS_RESERVE.narrow}}}`,
    // What the card adds to the document once it runs (content nested in slotted elements).
    lightRules('rw-article').replace(/\n/g, ''),
  ]
    .join('\n')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/;}/g, '}') + '\n';
}
