import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { observeDocument } from './document-observer.js';
import { formatDate, formatNumber, loadLanguage, onCatalogueChange, translate, type MessageKey } from './i18n.js';

/**
 * Gives an element its language: its own `lang`, else the nearest ancestor's (crossing shadow
 * roots), else `<html lang>`, else English. Re-renders the host when that language or its
 * catalogue changes.
 */
export class LocaleController implements ReactiveController {
  lang = 'en';
  private stops: Array<() => void> = [];

  constructor(private host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.lang = this.resolve();
    void loadLanguage(this.lang);
    const refresh = () => {
      const lang = this.resolve();
      if (lang !== this.lang) {
        this.lang = lang;
        void loadLanguage(lang);
      }
      this.host.requestUpdate();
    };
    this.stops = [observeDocument(() => this.resolve() !== this.lang && refresh()), onCatalogueChange(refresh)];
  }

  hostDisconnected(): void {
    this.stops.forEach((stop) => stop());
    this.stops = [];
  }

  private resolve(): string {
    let node: Node | null = this.host;
    while (node) {
      if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    return 'en';
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
