/**
 * The administrator's "Export and erasure" view (issue 12): a commenter's data, a thread or the
 * whole site as the export document, and erasing a commenter after a confirmation that names them.
 */
import { html, nothing } from 'lit';
import type { LocaleController } from '../../locale-controller.js';
import type { ExportTarget } from './client.js';

export interface PortabilityHost {
  l: LocaleController;
  /** The address waiting for "Erase {email}" to be confirmed; null when none is. */
  erasing: string | null;
  exportData(target: ExportTarget): void;
  askErase(email: string): void;
  erase(email: string): void;
  cancelErase(): void;
}

/** The file name says what it holds; anything but letters, digits, dot and dash becomes a dash. */
export function exportFileName(target: ExportTarget): string {
  const what = 'thread' in target ? `thread-${target.thread}` : 'email' in target ? `commenter-${target.email}` : 'site';
  return `comments-${what.replace(/[^\p{L}\p{N}.@-]+/gu, '-')}.json`;
}

/** Saves a Blob as a file: an `<a download>` on a Blob URL, released once the browser has it. */
export function download(root: Node, blob: Blob, name: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.hidden = true;
  // Firefox starts a download only from a link in the document.
  root.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download before the browser has read the Blob.
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

const value = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();

export function renderPortability(host: PortabilityHost) {
  const l = host.l;
  const exportSubmit = (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    if (!form.reportValidity()) return;
    const thread = value(form, 'thread');
    const email = value(form, 'email');
    const email$ = form.elements.namedItem('email') as HTMLInputElement;
    email$.setCustomValidity(thread && email ? l.t('moderationExportOne') : '');
    if (!form.reportValidity()) return;
    host.exportData(thread ? { thread } : email ? { email } : {});
  };
  const eraseSubmit = (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    if (form.reportValidity()) host.askErase(value(form, 'email'));
  };
  return html`<section aria-labelledby="xh">
      <h3 id="xh">${l.t('moderationExportHeading')}</h3>
      <form class="grid" @submit=${exportSubmit} aria-describedby="xhh">
        <p id="xhh" part="hint">${l.t('moderationExportHelp')}</p>
        <label part="label" for="xt">${l.t('moderationExportThread')}</label>
        <input part="input" id="xt" name="thread" autocomplete="off" maxlength="200" />
        <label part="label" for="xe">${l.t('moderationExportEmail')}</label>
        <input part="input" id="xe" name="email" type="email" autocomplete="off" @input=${(e: Event) => (e.target as HTMLInputElement).setCustomValidity('')} />
        <button part="button" class="primary">${l.t('moderationExportButton')}</button>
      </form>
    </section>
    <section aria-labelledby="eh">
      <h3 id="eh">${l.t('moderationEraseHeading')}</h3>
      <form class="grid" @submit=${eraseSubmit} aria-describedby="ehh">
        <p id="ehh" part="hint">${l.t('moderationEraseHelp')}</p>
        <label part="label" for="ee">${l.t('moderationEraseEmail')}</label>
        <input part="input" id="ee" name="email" type="email" required autocomplete="off" ?disabled=${!!host.erasing} />
        <button part="button" ?disabled=${!!host.erasing}>${l.t('moderationEraseAsk')}</button>
      </form>
      ${host.erasing
        ? html`<div part="confirm" role="group" aria-labelledby="ec" class="actions">
            <p id="ec">${l.t('moderationEraseConfirm', { email: host.erasing })}</p>
            <button part="button reject" id="erase-yes" @click=${() => host.erase(host.erasing!)}>${l.t('moderationEraseYes', { email: host.erasing })}</button>
            <button part="button" @click=${() => host.cancelErase()}>${l.t('moderationEraseCancel')}</button>
          </div>`
        : nothing}
    </section>`;
}
