// Everything public, without registering anything (for hosts that choose their own tag names).
export { registerMessages, type Catalogue, type MessageKey } from './i18n.js';
export { SCALE_STEPS, getScale, setScale } from './text-scale.js';
export { RwComments, type CommentSubmitDetail, type CommentPostedDetail } from './components/comments/comments.js';
export { RwCommentCount } from './components/comment-count/comment-count.js';
