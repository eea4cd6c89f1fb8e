/** The moderators' script-tag entry: registers `<rw-moderation>`. */
export { registerMessages } from './i18n.js';
import { define } from './define.js';
import { RwModeration } from './components/moderation/moderation.js';
export { RwModeration };
define('rw-moderation', RwModeration);
