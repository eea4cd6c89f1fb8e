/**
 * `<rw-comments>`: a chunk of its own, fetched by the script-tag bundle as soon as the page has a
 * comments element, so that the article and its text size never wait for the comment box.
 */
import { RwComments } from './components/comments/comments.js';
import { define } from './define.js';

define('rw-comments', RwComments);
export { RwComments };
