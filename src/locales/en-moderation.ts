/**
 * English messages of `<rw-moderation>`.
 */
const moderation = {
  // <rw-moderation>
  moderationHeading: 'Moderation queue',
  moderationToken: 'Moderator token',
  moderationSignIn: 'Sign in',
  moderationSignOut: 'Sign out',
  moderationBadToken: 'That token was not accepted.',
  moderationEmpty: 'No comments are waiting for moderation.',
  moderationApprove: 'Approve',
  moderationReject: 'Reject',
  moderationReason: 'Reason',
  moderationThread: 'Thread',
  moderationApproved: 'Approved the comment by {author}.',
  moderationRejected: 'Rejected the comment by {author}.',
  moderationPendingCount: { one: '{n} comment waiting', other: '{n} comments waiting' },
  moderationRefresh: 'Refresh',
  moderationError: 'The comments service did not answer. Try again.',
  moderationKeys: 'Keys: J and K move between comments, A approves, R rejects.',
};

export default moderation;
