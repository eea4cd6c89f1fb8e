import type { Plugin } from 'vite';

/**
 * Lit's html`` templates reach the bundle with their source indentation. A run of whitespace that
 * holds a line break is one space to HTML (outside pre-formatted text, and our templates put no
 * static whitespace inside such elements), so each such run in a template's own text becomes one
 * space. Only the text between `${…}` is touched: the expressions are read, never rewritten,
 * except for html`` templates nested in them.
 */
export function minifyHtmlTemplates(): Plugin {
  return {
    name: 'rw:minify-html-templates',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('html`')) return;
      const out = collapseHtmlTemplates(code);
      // The same program but for the templates' text, or the build stops: a scanner misled by
      // code it misread (a regular expression holding a quote, say) must not rewrite JavaScript.
      if (shape(this.parse(out)) !== shape(this.parse(code))) this.error(`minify-html: collapsing the templates of ${id} would change more than their text`);
      return { code: out, map: null };
    },
  };
}

/** A program's syntax tree without positions and without its templates' text. */
function shape(ast: unknown): string {
  return JSON.stringify(ast, function (this: { type?: string }, key, value) {
    if (key === 'start' || key === 'end' || key === 'range' || key === 'loc') return undefined;
    return this.type === 'TemplateElement' && key === 'value' ? undefined : value;
  });
}

/** `code` with the whitespace runs of its html`` templates collapsed; throws on code it cannot read. */
export function collapseHtmlTemplates(code: string): string {
  return expression(code, 0, true)[0];
}

const collapse = (text: string) => text.replace(/[ \t]*\n\s*/g, ' ');

/** Reads JavaScript from `start` to the `}` that closes it (or to the end, at the top). */
function expression(code: string, start: number, top = false): [string, number] {
  let out = '';
  let depth = 0;
  let i = start;
  while (i < code.length) {
    const c = code[i]!;
    const next = code[i + 1];
    if (c === "'" || c === '"') {
      const end = quoted(code, i);
      out += code.slice(i, end);
      i = end;
    } else if (c === '`') {
      const [text, end] = template(code, i, /\bhtml\s*$/.test(out));
      out += text;
      i = end;
    } else if (c === '/' && next === '/') {
      const end = code.indexOf('\n', i);
      const stop = end < 0 ? code.length : end;
      out += code.slice(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      if (end < 0) throw new Error(`minify-html: unclosed comment at ${i}`);
      out += code.slice(i, end + 2);
      i = end + 2;
    } else {
      if (c === '{') depth++;
      if (c === '}') {
        if (depth === 0 && top) throw new Error(`minify-html: unbalanced "}" at ${i}`);
        if (depth === 0) return [out, i + 1];
        depth--;
      }
      out += c;
      i++;
    }
  }
  if (!top) throw new Error(`minify-html: unclosed "\${" from ${start}`);
  return [out, i];
}

function quoted(code: string, start: number): number {
  const quote = code[start];
  for (let i = start + 1; i < code.length; i++) {
    if (code[i] === '\\') i++;
    else if (code[i] === quote) return i + 1;
    else if (code[i] === '\n') break;
  }
  throw new Error(`minify-html: unclosed string at ${start}`);
}

/** A template literal from its opening backtick; its text collapsed when it is an html`` template. */
function template(code: string, start: number, html: boolean): [string, number] {
  let out = '`';
  let text = '';
  const flush = () => {
    out += html ? collapse(text) : text;
    text = '';
  };
  let i = start + 1;
  while (i < code.length) {
    const c = code[i]!;
    if (c === '\\') {
      text += code.slice(i, i + 2);
      i += 2;
    } else if (c === '`') {
      flush();
      return [out + '`', i + 1];
    } else if (c === '$' && code[i + 1] === '{') {
      flush();
      const [inner, end] = expression(code, i + 2);
      out += '${' + inner + '}';
      i = end;
    } else {
      text += c;
      i++;
    }
  }
  throw new Error(`minify-html: unclosed template at ${start}`);
}
