/** English messages of an article loaded from JSON (`<rw-article src>`): they load with its chunk. */
const articleJson = {
  articleBy: 'By',
  photoCredit: 'Photo: {credit}',
};

export default articleJson;
