/**
 * The script-tag entry: `<script type="module" src=".../reading-widget.js">` registers every
 * reader-facing element. Loading it twice is harmless. The classes and the catalogue API are
 * exported so a host can register them under its own names or override messages.
 */
import { RwArticle } from './components/article/article.js';
import { RwTextSize } from './components/text-size/text-size.js';
import { define } from './define.js';

// The text-size control first: the article's built-in one then upgrades as it is rendered.
define('rw-text-size', RwTextSize);
define('rw-article', RwArticle);

export * from './index.js';
import { define } from './define.js';
import { RwComments, RwCommentCount } from './index.js';
define('rw-comments', RwComments);
define('rw-comment-count', RwCommentCount);
