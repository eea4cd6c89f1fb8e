import { html, nothing } from 'lit';
import { KEEP_DAYS } from '../../kept.js';
import { charsLeft, SHOWN_FROM } from './counter.js';
import type { DraftController } from './draft-controller.js';
import { isField, type Field } from './validate.js';

/**
 * The comment form, rendered in the element's shadow root (so `<label for>` and
 * `aria-describedby` ids resolve there). One form at a time: at the end of the guidelines, or
 * under the comment being replied to. Everything it shows comes from the draft controller.
 */
export function renderForm(form: DraftController) {
  const { locale: l, draft, errors, replyTo } = form;
  const left = charsLeft(draft.text);
  const field = (name: Field, label: string, control: unknown, hint = '') => html`
    <div part="field">
      <label part="label" for=${name}>${label} <span part="required">${l.t('formRequired')}</span></label>
      ${control}
      ${hint ? html`<p part=${name === 'text' ? 'counter' : 'hint'} id=${name + '-hint'}>${hint}</p>` : nothing}
      ${errors[name] ? html`<p part="error" id=${name + '-error'}>${errors[name]}</p>` : nothing}
    </div>
  `;
  const aria = (name: Field, hint?: boolean) =>
    [hint && name + '-hint', errors[name] && name + '-error'].filter(Boolean).join(' ') || nothing;
  const input = (e: Event) => {
    const target = e.target as HTMLInputElement;
    if (isField(target.id)) form.edit(target.id, target.value);
  };
  const counted = left <= SHOWN_FROM;
  const lost = form.kept !== 'local';
  return html`
    <form part="form" novalidate aria-labelledby="fh" @focusin=${() => form.warm()} @input=${input} @submit=${(e: Event) => {
      e.preventDefault();
      form.submit((e.target as HTMLFormElement).website.value);
    }}>
      <h3 id="fh">${replyTo ? l.t('commentReplyTo', { author: replyTo.author }) : l.t('formHeading')}</h3>
      ${form.thanked ? html`<p part="status thanks" id="thanks" role="status" tabindex="-1">${l.t('postedThanks')}</p>` : nothing}
      ${field(
        'text',
        l.t('formText'),
        html`<textarea part="textarea" id="text" rows="5" aria-required="true" aria-invalid=${!!errors.text}
          aria-describedby=${[counted && 'text-hint', errors.text && 'text-error', lost && 'kept'].filter(Boolean).join(' ') || nothing}
          .value=${draft.text}></textarea>`,
        counted ? l.t('formCharsLeft', { n: Math.max(left, 0) }) : '',
      )}
      ${lost ? html`<p part="hint storage" id="kept">${l.t('formDraftNotKept')}</p>` : nothing}
      ${field(
        'author',
        l.t('formName'),
        html`<input part="input" id="author" autocomplete="name" aria-required="true" aria-invalid=${!!errors.author}
          aria-describedby=${aria('author')} .value=${draft.author} />`,
      )}
      ${field(
        'email',
        l.t('formEmail'),
        html`<input part="input" id="email" type="email" autocomplete="email" aria-required="true" aria-invalid=${!!errors.email}
          aria-describedby=${aria('email', true)} .value=${draft.email} />`,
        l.t('formEmailHint'),
      )}
      <div part="field remember">
        <input part="checkbox" id="remember" type="checkbox" .checked=${form.remember} aria-describedby="remember-hint"
          @change=${(e: Event) => form.setRemember((e.target as HTMLInputElement).checked)} />
        <label part="label" for="remember">${l.t('formRemember')}</label>
        <p part="hint" id="remember-hint">${l.t('formRememberHint', { days: KEEP_DAYS })}</p>
      </div>
      <div class="vh" aria-hidden="true"><input name="website" tabindex="-1" autocomplete="off" /></div>
      <div class="actions">
        <button part="button submit" class="primary" aria-disabled=${form.busy}>${l.t(form.busy ? 'formSubmitting' : replyTo ? 'formSubmitReply' : 'formSubmit')}</button>
        ${replyTo ? html`<button part="button" type="button" @click=${() => form.reply(null)}>${l.t('commentCancelReply')}</button>` : nothing}
      </div>
      <p part="status" role="status">${form.say}</p>
      <p part="error" role="alert">${form.alarm}</p>
    </form>
  `;
}
