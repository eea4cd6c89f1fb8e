// The floor: the least a Lit-based element can cost. One trivial LitElement with a shadow root,
// a style and a slot, bundled exactly like dist/reading-widget.js. Our bundle is compared with it.
import { LitElement, css, html } from 'lit';

export class RwFloor extends LitElement {
  // Written as the build's css-literal minifier would leave it.
  static override styles = css`:host{display:block}`;

  override render() {
    return html`<slot></slot>`;
  }
}

customElements.define('rw-floor', RwFloor);
