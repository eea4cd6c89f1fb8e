import { html, nothing } from 'lit';
import type { RwComments } from './comments.js';
import { length, MAX, type Field } from './validate.js';

/**
 * The comment form of `<rw-comments>`, rendered in its shadow root (so `<label for>` and
 * `aria-describedby` ids resolve there). One form at a time: at the end of the guidelines, or
 * under the comment being replied to.
 */
export function renderForm(host: RwComments) {
  const { l, draft, errors, replyTo } = host;
  const left = MAX.text - length(draft.text);
  const field = (name: Field, label: string, control: unknown, hint = '') => html`
    <div part="field">
      <label part="label" for=${name}>${label}${name === 'text' ? nothing : html` <span part="required">${l.t('formRequired')}</span>`}</label>
      ${control}
      ${hint ? html`<p part=${name === 'text' ? 'counter' : 'hint'} id=${name + '-hint'}>${hint}</p>` : nothing}
      ${errors[name] ? html`<p part="error" id=${name + '-error'}>${errors[name]}</p>` : nothing}
    </div>
  `;
  const aria = (name: Field, hint?: boolean) =>
    [hint && name + '-hint', errors[name] && name + '-error'].filter(Boolean).join(' ') || nothing;
  const input = (e: Event) => {
    const target = e.target as HTMLInputElement;
    if (target.id) host.edit(target.id as Field, target.value);
  };
  const counted = left <= 500;
  return html`
    <form part="form" novalidate aria-labelledby="fh" @input=${input} @submit=${(e: Event) => {
      e.preventDefault();
      host.submit((e.target as HTMLFormElement).website.value);
    }}>
      <h3 id="fh">${replyTo ? l.t('commentReplyTo', { author: replyTo.author }) : l.t('formHeading')}</h3>
      ${field(
        'text',
        l.t('formText'),
        html`<textarea part="textarea" id="text" rows="5" aria-required="true" aria-invalid=${!!errors.text}
          aria-describedby=${aria('text', counted)} .value=${draft.text}></textarea>`,
        counted ? l.t('formCharsLeft', { n: Math.max(left, 0) }) : '',
      )}
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
      <div class="vh" aria-hidden="true"><input name="website" tabindex="-1" autocomplete="off" /></div>
      <div class="actions">
        <button part="button submit" class="primary" aria-disabled=${host.busy}>${l.t(host.busy ? 'formSubmitting' : 'formSubmit')}</button>
        ${replyTo ? html`<button part="button" type="button" @click=${() => host.reply(null)}>${l.t('commentCancelReply')}</button>` : nothing}
      </div>
      <p part="status" role="status">${host.say}</p>
      <p part="error" role="alert">${host.alarm}</p>
    </form>
  `;
}
