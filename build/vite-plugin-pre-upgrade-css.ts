import type { Plugin } from 'vite';
import { preUpgradeCss } from '../src/components/article/pre-upgrade.js';

/**
 * dist/reading-widget.css, the embed snippet's pre-upgrade stylesheet, written beside the
 * script-tag bundle; `npm start -- --dev` serves the same text at /dist/reading-widget.css.
 */
export function preUpgradeStylesheet(fileName = 'reading-widget.css'): Plugin {
  return {
    name: 'rw:pre-upgrade-css',
    generateBundle() {
      if (this.environment.name === 'client') this.emitFile({ type: 'asset', fileName, source: preUpgradeCss() });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== `/dist/${fileName}`) return next();
        res.setHeader('content-type', 'text/css; charset=utf-8');
        res.end(preUpgradeCss());
      });
    },
  };
}
