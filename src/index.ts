// Everything public, without registering anything (for hosts that choose their own tag names).
export { registerMessages, type Catalogue, type CatalogueLoader, type MessageKey } from './i18n.js';
export { SCALE_STEPS, getScale, setScale } from './text-scale.js';
