/** `<rw-comment-count>`: a chunk of its own, fetched by the script-tag bundle when a page uses it. */
import { RwCommentCount } from './components/comment-count/comment-count.js';
import { define } from './define.js';

define('rw-comment-count', RwCommentCount);
export { RwCommentCount };
