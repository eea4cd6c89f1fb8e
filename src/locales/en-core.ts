/**
 * English messages of the elements in the script-tag bundle (article, text size, comment count).
 * The other English parts load with their element: comments with its chunk, a JSON article's with
 * its chunk, moderation with its bundle.
 */
const core = {
  // <rw-text-size>
  textSize: 'Text size',
  textSizeDecreaseShort: 'A-',
  textSizeDecrease: 'Decrease text size',
  textSizeIncreaseShort: 'A+',
  textSizeIncrease: 'Increase text size',
  textSizeReset: 'Reset text size',
  textSizeResetShort: '{percent}',
  textSizeNow: 'Text size {percent}',

  // <rw-article>
  articleLoading: 'Loading the article…',
  articleError: 'This article could not be loaded.',

  // <rw-comment-count> and the <rw-comments> heading
  commentsCount: { one: '{n} comment', other: '{n} comments' },
};

export default core;
