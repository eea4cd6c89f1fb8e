/** The moderators' script-tag entry: registers `<rw-moderation>`. */
export { registerMessages } from './i18n.js';
