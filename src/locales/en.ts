/**
 * The English catalogue: the source of every message key. Other languages are partial copies of
 * this shape, loaded on demand. `{name}` is a placeholder; an object is a plural message chosen
 * with `Intl.PluralRules` on `{n}`.
 */
import core from './en-core.js';
import articleJson from './en-article-json.js';
import count from './en-count.js';
import comments from './en-comments.js';
import moderation from './en-moderation.js';

// The whole English catalogue, the source of every key: the type of `MessageKey` and the list the
// other catalogues are checked against. At run time each part is registered by what uses it.
const en = { ...core, ...count, ...articleJson, ...comments, ...moderation };
export default en;
