import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { observeDocument } from './document-observer.js';
import { formatDate, formatNumber, loadLanguage, onCatalogueChange, translate, type MessageKey } from './i18n.js';

const rtl = /^(ar|ckb|dv|fa|he|ps|sd|ug|ur|yi)\b|-(arab|hebr)\b/i;

/**
 * Gives an element its language: its own `lang`, else the nearest ancestor's (crossing shadow
 * roots), else English; and its direction: the nearest `dir="ltr|rtl"`, or the direction of the
 * nearest `lang` if that comes first. Re-renders the host when either or the catalogue changes.
 */
export class LocaleController implements ReactiveController {
  lang = 'en';
  dir: 'ltr' | 'rtl' = 'ltr';
  private stops: Array<() => void> = [];

  constructor(private host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    const check = () => {
      const [lang, dir] = this.resolve();
      if (lang === this.lang && dir === this.dir) return;
      this.lang = lang;
      this.dir = dir;
      void loadLanguage(lang);
      this.host.requestUpdate();
    };
    [this.lang, this.dir] = this.resolve();
    void loadLanguage(this.lang);
    // The page-wide observer cannot see into shadow roots: watch the ones this element sits in.
    const inner = new MutationObserver(check);
    for (let root = this.host.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
      inner.observe(root, { attributes: true, subtree: true, attributeFilter: ['lang', 'dir'] });
    }
    this.stops = [observeDocument(check), onCatalogueChange(() => this.host.requestUpdate()), () => inner.disconnect()];
  }

  hostDisconnected(): void {
    this.stops.forEach((stop) => stop());
    this.stops = [];
  }

  private resolve(): [string, 'ltr' | 'rtl'] {
    let dir = '';
    for (let node: Node | null = this.host; node; node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null)) {
      if (!(node instanceof Element)) continue;
      const ownDir = node.getAttribute('dir')?.toLowerCase();
      if (!dir && (ownDir === 'ltr' || ownDir === 'rtl')) dir = ownDir;
      const lang = node.getAttribute('lang')?.trim();
      if (lang) return [lang, (dir || (rtl.test(lang) ? 'rtl' : 'ltr')) as 'ltr' | 'rtl'];
    }
    return ['en', (dir || 'ltr') as 'ltr' | 'rtl'];
  }

  t(key: MessageKey, values?: Record<string, string | number>): string {
    return translate(this.lang, key, values);
  }

  date(iso: string, options?: Intl.DateTimeFormatOptions): string {
    return formatDate(this.lang, iso, options);
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(this.lang, value, options);
  }
}
