/**
 * `import 'reading-widget/define'`: registers every element under its `rw-` name, as the script
 * tags do, for pages built with a bundler. (`reading-widget` itself registers nothing.)
 */
import { RwArticle } from './components/article/article.js';
import { RwCommentCount } from './components/comment-count/comment-count.js';
import { RwComments } from './components/comments/comments.js';
import { RwModeration } from './components/moderation/moderation.js';
import { RwTextSize } from './components/text-size/text-size.js';
import { define } from './define.js';

// The text-size control first: the article's built-in one then upgrades as it is rendered.
define('rw-text-size', RwTextSize);
define('rw-article', RwArticle);
define('rw-comments', RwComments);
define('rw-comment-count', RwCommentCount);
define('rw-moderation', RwModeration);
