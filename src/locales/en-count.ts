/**
 * The English count of approved comments, shown by `<rw-comment-count>` and the `<rw-comments>`
 * heading: it loads with the chunk both elements share (src/components/comments/messages.ts).
 */
const count = {
  commentsCount: { one: '{n} comment', other: '{n} comments' },
};

export default count;
