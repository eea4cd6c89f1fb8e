import type { Catalogue } from '../i18n.js';

// Placeholder until the translation lands: falls back to English.
const messages: Catalogue = {};
export default messages;
