import { expect, fixture } from '@open-wc/testing';
import { html, render } from 'lit';
import { collapseHtmlTemplates } from '../build/vite-plugin-minify-html.js';

// The build collapses the indentation of every html`` template of src/ (here the tests see them as
// written): what a reader sees and what a screen reader reads must not change, and no JavaScript
// around or inside the templates may be rewritten.
describe('the build’s html`` whitespace collapse', () => {
  it('collapses runs with a line break in html templates only, and reads expressions without rewriting them', () => {
    const source = [
      'const a = html`<ul>',
      '    <li>${x}</li>',
      '    ${items.map((i) => html`<li>',
      '      ${i}',
      '    </li>`)}',
      '  </ul>`;',
      "const b = `keep\n    this`; const c = 'html`'; const d = \"}\";",
      '// a comment with a backtick ` and html`',
      '/* and a block comment: html` ${ */',
      'const e = html`<p>${cond /* } */ ? `plain\n  text` : html`<b>',
      '  bold</b>`}</p>`;',
      'const f = html`<span class="vh"> ${label}</span>\\`\n  escaped`;',
    ].join('\n');
    const out = collapseHtmlTemplates(source);
    expect(out).to.equal(
      [
        'const a = html`<ul> <li>${x}</li> ${items.map((i) => html`<li> ${i} </li>`)} </ul>`;',
        "const b = `keep\n    this`; const c = 'html`'; const d = \"}\";",
        '// a comment with a backtick ` and html`',
        '/* and a block comment: html` ${ */',
        'const e = html`<p>${cond /* } */ ? `plain\n  text` : html`<b> bold</b>`}</p>`;',
        'const f = html`<span class="vh"> ${label}</span>\\` escaped`;',
      ].join('\n'),
    );
    // Code without html templates comes back as it was.
    const plain = "const s = `a\n  b`; if (x) { y('}'); } // `\n";
    expect(collapseHtmlTemplates(plain)).to.equal(plain);
  });

  it('refuses code it cannot read rather than guess', () => {
    expect(() => collapseHtmlTemplates('html`<p>${x</p>`')).to.throw(/unclosed/);
    expect(() => collapseHtmlTemplates("const s = 'open")).to.throw(/unclosed string/);
    expect(() => collapseHtmlTemplates('a(); }')).to.throw(/unbalanced/);
  });

  it('renders the same text, the same elements and the same accessible names', async () => {
    const source = `(items, label) => html\`<section>
        <h2 aria-label="Comments
          and replies">Comments</h2>
        <p>One <b>bold</b>
          <i>word</i>, then \${label}
        </p>
        <ol>
          \${items.map((i) => html\`<li>
            <button aria-label=\${'Reply to ' + i}>Reply</button>
            <span class="vh"> \${i}</span>
          </li>\`)}
        </ol>
      </section>\``;
    const make = (code: string) => new Function('html', `return ${code}`)(html) as (items: string[], label: string) => unknown;
    const shown = async (code: string) => {
      const box = await fixture<HTMLDivElement>('<div></div>');
      render(make(code)(['Ann', 'Bo'], 'the end'), box);
      return box;
    };
    const before = await shown(source);
    const after = await shown(collapseHtmlTemplates(source));
    expect(after.innerText).to.equal(before.innerText);
    const shape = (box: Element) => [...box.querySelectorAll('*')].map((el) => `${el.localName} ${[...el.attributes].map((a) => `${a.name}=${a.value.replace(/\s+/g, ' ')}`).join(' ')} ${el.textContent!.replace(/\s+/g, ' ').trim()}`);
    expect(shape(after)).to.deep.equal(shape(before));
  });
});
