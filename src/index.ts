// `import … from 'reading-widget'`: everything public, registering nothing (for hosts that choose
// their own tag names, or register with `reading-widget/define`).
export { registerMessages, type Catalogue, type CatalogueLoader, type MessageKey } from './i18n.js';
export { SCALE_STEPS, getScale, setScale } from './text-scale.js';
export { RwArticle } from './components/article/article.js';
export type { NewsArticleJSON } from './components/article/article-json.js';
export { RwTextSize, type RwTextSizeChangeDetail } from './components/text-size/text-size.js';
export type { RwErrorDetail } from './events.js';
export { RwComments, type CommentDecidedDetail, type CommentSubmitDetail, type CommentPostedDetail } from './components/comments/comments.js';
export { RwCommentCount } from './components/comment-count/comment-count.js';
export { RwModeration } from './components/moderation/moderation.js';
export type { Theme } from './theme-controller.js';
