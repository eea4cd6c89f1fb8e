import { html } from 'lit';
import { RwElement } from '../../internal/rw-element.js';
import { controls, tokens } from '../../styles/tokens.js';
import { DEFAULT_SCALE, getScale, setScale, stepScale, subscribe, SCALE_STEPS } from '../../text-scale.js';
import { styles } from './text-size.styles.js';

export type { RwTextSizeChangeDetail } from '../../events.js';

/**
 * The reader's text size: "A-", "A+" and a reset to 100 %. Every `<rw-text-size>` on the page,
 * every `<rw-article>` and every tab of the site follow the same value, remembered in
 * `localStorage`. At a limit a button is `aria-disabled` (it keeps focus and does nothing).
 *
 * @summary Text size controls (A- / A+ / reset).
 * @tag rw-text-size
 *
 * @attr {'light'|'dark'|'auto'} theme - Colour scheme; `auto` (default) follows the page (the reader's system where the page allows both), else light.
 * @attr lang - Language of the labels; inherited from the nearest ancestor with `lang`.
 *
 * @csspart group - The labelled group around the buttons.
 * @csspart button - Each of the three buttons.
 * @csspart decrease - The "A-" button.
 * @csspart increase - The "A+" button.
 * @csspart reset - The "100%" button.
 * @csspart status - The visually hidden live region that announces the new size.
 *
 * @cssprop --rw-font-ui - Font of the buttons.
 * @cssprop --rw-color-text - Button text colour.
 * @cssprop --rw-color-surface - Button background.
 * @cssprop --rw-color-border - Button border colour.
 * @cssprop --rw-color-focus - Focus ring colour.
 * @cssprop --rw-radius - Button corner radius.
 * @cssprop --rw-font-headline - Shared token (not used by this element).
 * @cssprop --rw-font-body - Shared token (not used by this element).
 * @cssprop --rw-color-muted - Shared token (not used by this element).
 * @cssprop --rw-color-accent - Shared token (not used by this element).
 * @cssprop --rw-color-on-accent - Shared token (not used by this element).
 * @cssprop --rw-color-subtle - Shared token (not used by this element).
 * @cssprop --rw-color-danger - Shared token (not used by this element).
 * @cssprop --rw-space - Shared token (not used by this element).
 * @cssprop --rw-measure - Shared token (not used by this element).
 *
 * @fires {CustomEvent<RwTextSizeChangeDetail>} rw-text-size-change - When the reader changes the size with this control (bubbles, composed).
 */
export class RwTextSize extends RwElement {
  static override styles = [tokens, controls, styles];
  static override properties = { scale: { state: true }, status: { state: true } };

  private scale = getScale();
  private status = '';
  private unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.scale = getScale();
    this.unsubscribe = subscribe((scale) => (this.scale = scale));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  private change(step: -1 | 0 | 1): void {
    if (!(step ? stepScale(step) : setScale(DEFAULT_SCALE))) return;
    const scale = getScale();
    const percent = this.locale.number(scale, { style: 'percent', maximumFractionDigits: 1 });
    // Only the control the reader used speaks; the others on the page follow silently.
    this.status = this.locale.t('textSizeNow', { percent });
    this.emit('rw-text-size-change', { scale });
  }

  private button(part: string, short: string, name: string, off: boolean, step: -1 | 0 | 1) {
    // Visible text first, then the longer name: the accessible name contains what is shown.
    // <bdi> keeps "A+" from turning into "+A" on a right-to-left page.
    return html`<button type="button" part="button ${part}" aria-disabled=${off} @click=${() => this.change(step)}>
      <bdi>${short}</bdi><span class="vh"> ${name}</span>
    </button>`;
  }

  protected override render() {
    const l = this.locale;
    // "100 %" in the digits of the date and counts beside it (never a catalogue's fixed digits).
    const at = (i: number) => this.scale === SCALE_STEPS.at(i);
    return html`<div role="group" part="group" aria-label=${l.t('textSize')}>
      ${this.button('decrease', l.t('textSizeDecreaseShort'), l.t('textSizeDecrease'), at(0), -1)}
      ${this.button('increase', l.t('textSizeIncreaseShort'), l.t('textSizeIncrease'), at(-1), 1)}
      ${this.button('reset', l.t('textSizeResetShort', { percent: l.number(DEFAULT_SCALE, { style: 'percent' }) }), l.t('textSizeReset'), this.scale === DEFAULT_SCALE, 0)}
      <span part="status" class="vh" role="status">${this.status}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rw-text-size': RwTextSize;
  }
}
