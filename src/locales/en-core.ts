/**
 * English messages of the elements in the script-tag bundle (article, text size).
 * The other English parts load with their element: comments with its chunk, the comment count with
 * the chunk both comments elements share, a JSON article's with its chunk, moderation with its bundle.
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
};

export default core;
