// Documentation completeness: every part used in an element's templates, every public custom
// property its styles (and the shared tokens) read, and every event it fires is documented in the
// class JSDoc, i.e. present in custom-elements.json, and every token is in docs/theming.md.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../build/analyze.mjs';
import { sourcePath } from '../../build/cem/package-paths.mjs';

interface Named {
  name: string;
}
interface Declaration {
  name: string;
  customElement?: boolean;
  tagName?: string;
  cssParts?: Named[];
  cssProperties?: Named[];
  events?: Named[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

/** The manifest of the current source (dist/ may be older than the last edit), as the build makes it. */
const manifest = async (): Promise<Manifest> => (await analyze()) as Manifest;

/** The folder's TypeScript without comments: what the templates, styles and code really use. */
const code = (folder: string) =>
  readdirSync(folder)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(join(folder, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, ''))
    .join('\n');

const all = (source: string, pattern: RegExp) => [...source.matchAll(pattern)].map((match) => match[1]);
const tokens = new Set(all(code('src/styles'), /(--rw-[a-z0-9-]+)/g));

export function usedParts(source: string): Set<string> {
  const names = [
    ...all(source, /\bpart="([^"]*)"/g),
    ...all(source, /\bexportparts="([^"]*)"/g),
    ...all(source, /\.part\.add\(\s*'([^']+)'/g),
  ].flatMap((value) => value.replace(/\$\{[^}]*\}/g, ' ').split(/[\s,]+/));
  return new Set(names.filter((name) => /^[a-z][a-z0-9-]*$/.test(name)));
}

// Elements live in src/components/; src/internal/ holds their base class, which is no element of its own.
const elements = (await manifest()).modules.flatMap((module) =>
  (module.declarations ?? [])
    .filter((d) => d.customElement && sourcePath(module.path).startsWith('src/components/'))
    .map((declaration) => ({ declaration, folder: dirname(sourcePath(module.path)), name: declaration.tagName ?? declaration.name })),
);

test('the manifest lists every element with its tag name', () => {
  const folders = readdirSync('src/components');
  assert.deepEqual(elements.map((e) => e.folder.split('/').pop()).sort(), folders.sort());
  for (const { declaration } of elements) assert.match(declaration.tagName ?? '', /^rw-[a-z-]+$/, `${declaration.name} has no @tag`);
});

for (const { declaration, folder, name } of elements) {
  const source = code(folder);
  const documented = (list?: Named[]) => new Set((list ?? []).map((item) => item.name));
  const missing = (used: Iterable<string>, docs: Set<string>) => [...new Set(used)].filter((name) => !docs.has(name)).sort();

  test(`${name}: every part in its templates is a @csspart`, () => {
    const used = usedParts(source);
    assert.ok(used.size > 0, 'no part found: the scan is broken');
    assert.deepEqual(missing(used, documented(declaration.cssParts)), []);
  });

  test(`${name}: every --rw-* it reads, and every shared token, is a @cssprop`, () => {
    const used = [...tokens, ...all(source, /(--rw-[a-z0-9-]+)/g)];
    assert.deepEqual(missing(used, documented(declaration.cssProperties)), []);
  });

  test(`${name}: every event it fires is a @fires`, () => {
    // emit(target, 'rw-…') from src/events.ts, or this.emit('rw-…') from the elements' base.
    const fired = all(source, /\bemit(?:<[^>(]*>)?\(\s*(?:[\w.]+\s*,\s*)?'(rw-[a-z-]+)'/g);
    assert.ok(fired.length > 0, 'no emit found: every element reports errors, so the scan is broken');
    assert.deepEqual(missing(fired, documented(declaration.events)), []);
  });
}

test('docs/theming.md has a row for every shared token', () => {
  const doc = existsSync('docs/theming.md') ? readFileSync('docs/theming.md', 'utf8') : '';
  const missingRows = [...tokens].filter((token) => !doc.includes(`| \`${token}\``));
  assert.deepEqual(missingRows, []);
});

test('the part scan reads multi-word, exported and added parts, and skips interpolations', () => {
  const parts = usedParts('<b part="button ${x} increase"></b><i exportparts="a,b"></i> span.part.add(\'dateline\')');
  assert.deepEqual([...parts].sort(), ['a', 'b', 'button', 'dateline', 'increase']);
});
