import { html, nothing } from 'lit';
import { REASONS, type AuditEntry, type Block, type Moderator, type Reason } from '../../internal/contract.js';
import { commentTime as time } from '../../english-date-time.js';
import type { LocaleController } from '../../locale-controller.js';
import { reasonText } from '../comments/messages.js';

const field = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value.trim();

export interface PanelsHost {
  l: LocaleController;
  blocks: Block[];
  watchWords: string[];
  moderators: Moderator[];
  audit: AuditEntry[];
  auditCursor: string | null;
  secret: { name: string; secret: string } | null;
  addBlock(kind: 'email' | 'client', value: string, reason: Reason): void;
  liftBlock(block: Block): void;
  saveWatchWords(words: string[]): void;
  addModerator(name: string, email: string): void;
  removeModerator(m: Moderator): void;
  moreAudit(): void;
}

const reasonOptions = (l: LocaleController) => html`<option value="">${l.t('moderationChooseReason')}</option>
  ${REASONS.map((r) => html`<option value=${r}>${reasonText(l, r)}</option>`)}`;

export function renderBlocks(host: PanelsHost) {
  const l = host.l;
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    if (!form.reportValidity()) return;
    host.addBlock(field(form, 'kind') as 'email' | 'client', field(form, 'value'), field(form, 'reason') as Reason);
  };
  const save = (e: Event) => {
    e.preventDefault();
    host.saveWatchWords(field(e.target as HTMLFormElement, 'words').split('\n').map((w) => w.trim()).filter(Boolean));
  };
  return html`<section aria-labelledby="bh">
      <h3 id="bh">${l.t('moderationBlocksHeading')}</h3>
      ${host.blocks.length
        ? html`<ul part="list">${host.blocks.map(
            (b) => html`<li class="row">
              <span dir="auto">${l.t('moderationBlockLine', { value: b.value, reason: reasonText(l, b.reason), by: b.createdBy, time: time(l, b.createdAt) })}</span>
              <button part="button" @click=${() => host.liftBlock(b)}>${l.t('moderationUnblock', { value: b.value })}</button>
            </li>`,
          )}</ul>`
        : html`<p>${l.t('moderationBlocksEmpty')}</p>`}
      <form class="grid" @submit=${submit}>
        <label part="label" for="bk">${l.t('moderationBlockKind')}</label>
        <select part="input" id="bk" name="kind">
          <option value="email">${l.t('moderationBlockKindEmail')}</option>
          <option value="client">${l.t('moderationBlockKindClient')}</option>
        </select>
        <label part="label" for="bv">${l.t('moderationBlockValue')}</label>
        <input part="input" id="bv" name="value" required />
        <label part="label" for="br">${l.t('moderationReason')}</label>
        <select part="reason" id="br" name="reason" required>${reasonOptions(l)}</select>
        <button part="button" class="primary">${l.t('moderationBlockAdd')}</button>
      </form>
    </section>
    <section aria-labelledby="wh">
      <h3 id="wh">${l.t('moderationWatchHeading')}</h3>
      <form class="grid" @submit=${save}>
        <label part="label" for="ww">${l.t('moderationWatchHeading')}</label>
        <textarea part="input" id="ww" name="words" rows="4" aria-describedby="wwh" .value=${host.watchWords.join('\n')}></textarea>
        <p id="wwh" part="hint">${l.t('moderationWatchHelp')}</p>
        <button part="button" class="primary">${l.t('moderationWatchSave')}</button>
      </form>
    </section>`;
}

export function renderModerators(host: PanelsHost) {
  const l = host.l;
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    if (!form.reportValidity()) return;
    host.addModerator(field(form, 'name'), field(form, 'email'));
    form.reset();
  };
  return html`<section aria-labelledby="mh">
    <h3 id="mh">${l.t('moderationModeratorsHeading')}</h3>
    ${host.secret
      ? html`<div part="secret" role="status">
          <p>${l.t('moderationModeratorSecret', { name: host.secret.name })}</p>
          <p><code id="secret">${host.secret.secret}</code></p>
        </div>`
      : nothing}
    ${host.moderators.length
      ? html`<ul part="list">${host.moderators.map(
          (m) => html`<li class="row">
            <span dir="auto">${m.name}${m.email ? ` <${m.email}>` : ''}</span>
            <button part="button" @click=${() => host.removeModerator(m)}>${l.t('moderationModeratorRemove', { name: m.name })}</button>
          </li>`,
        )}</ul>`
      : html`<p>${l.t('moderationModeratorsEmpty')}</p>`}
    <form class="grid" @submit=${submit}>
      <label part="label" for="mn">${l.t('moderationModeratorName')}</label>
      <input part="input" id="mn" name="name" required maxlength="80" autocomplete="off" />
      <label part="label" for="me">${l.t('moderationModeratorEmail')}</label>
      <input part="input" id="me" name="email" type="email" autocomplete="off" />
      <button part="button" class="primary">${l.t('moderationModeratorAdd')}</button>
    </form>
  </section>`;
}

const ACTIONS = {
  approve: 'moderationAuditApprove',
  reject: 'moderationAuditReject',
  block: 'moderationAuditBlock',
  unblock: 'moderationAuditUnblock',
  'moderator-added': 'moderationAuditModeratorAdded',
  'moderator-removed': 'moderationAuditModeratorRemoved',
  'watch-words': 'moderationAuditWatchWords',
} as const;

export function renderAudit(host: PanelsHost) {
  const l = host.l;
  return html`<section aria-labelledby="ah">
    <h3 id="ah">${l.t('moderationAuditHeading')}</h3>
    <ol part="list" class="audit">
      ${host.audit.map((e) => {
        const action = l.t(ACTIONS[e.action], { reason: e.reason ? reasonText(l, e.reason) : '', detail: e.detail ?? '' });
        return html`<li dir="auto"><time datetime=${e.at}>${time(l, e.at)}</time>: ${e.actorName}: ${action}</li>`;
      })}
    </ol>
    ${host.auditCursor ? html`<button part="button" @click=${() => host.moreAudit()}>${l.t('moderationMore')}</button>` : nothing}
  </section>`;
}
