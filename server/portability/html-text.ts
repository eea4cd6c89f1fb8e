/**
 * Source comments are HTML (Disqus, WordPress, Isso's rendered Markdown); the widget shows plain
 * text as written. htmlparser2's tokenizer decodes entities and drops tags; block ends and <br>
 * become line breaks, script and style contents are dropped.
 */
import { Parser } from 'htmlparser2';

const BLOCKS = new Set(['p', 'div', 'blockquote', 'li', 'ul', 'ol', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr']);
const HIDDEN = new Set(['script', 'style', 'template']);

export function htmlToText(html: string): string {
  let out = '';
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hidden++;
        else if (name === 'br') out += '\n';
      },
      ontext(text) {
        if (!hidden) out += text;
      },
      onclosetag(name, implied) {
        if (HIDDEN.has(name)) hidden--;
        else if (BLOCKS.has(name) && !(implied && name === 'br')) out += '\n\n';
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  // Line ends as the widget stores them, no trailing spaces, at most one empty line in a row.
  return out
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
