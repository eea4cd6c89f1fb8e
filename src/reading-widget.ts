/**
 * The script-tag entry: `<script type="module" src=".../reading-widget.js">` registers every
 * reader-facing element. Loading it twice is harmless. The classes and the catalogue API are
 * exported so a host can register them under its own names or override messages.
 */

export * from './index.js';
import { define } from './define.js';
import { RwComments, RwCommentCount } from './index.js';
define('rw-comments', RwComments);
define('rw-comment-count', RwCommentCount);
