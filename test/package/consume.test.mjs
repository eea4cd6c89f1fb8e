// The package as a new user gets it: `npm pack` (which builds), the tarball installed into small
// React 19 + TypeScript, Vue 3 and plain TypeScript projects (test/package/consumers/), each
// type-checked and built with Vite, the library imported in Node, and the React build opened in
// headless Chromium.
//   node --test test/package/consume.test.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowsers } from '../../scripts/browsers.mjs';
import { preview } from 'vite';

const root = resolve(import.meta.dirname, '../..');
const project = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'rw-consume-'));
const installed = join(work, 'node_modules', project.name);
let tarball;
let packed;

const run = (command, args, cwd = work) => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NODE_ENV: '' } });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
};
const ok = (command, args, cwd) => {
  const result = run(command, args, cwd);
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed:\n${result.output}`);
  return result.output;
};

before(() => {
  // What `prepack` does, with its output kept out of the JSON that `npm pack --json` prints.
  ok('npm', ['run', 'build'], root);
  const [info] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8' }));
  tarball = join(work, info.filename);
  packed = info.files.map((file) => file.path);
  cpSync(join(root, 'test/package/consumers'), work, { recursive: true });
  // Each project's page: one module script, its entry.
  for (const [name, entry] of [['react', 'main.tsx'], ['vue', 'main.ts'], ['plain', 'main.ts']]) {
    writeFileSync(
      join(work, name, 'index.html'),
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>${name}</title><div id="app"></div><script type="module" src="./src/${entry}"></script></html>\n`,
    );
  }
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'rw-consumers', private: true, type: 'module' }));
  ok('npm', [
    'install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock',
    tarball, 'react@^19', 'react-dom@^19', '@types/react@^19', '@types/react-dom@^19', 'vue@^3', 'vue-tsc@^3', '@vitejs/plugin-vue@^6', 'typescript@^5',
    `vite@${JSON.parse(readFileSync(join(root, 'node_modules/vite/package.json'), 'utf8')).version}`,
  ]);
});
after(() => rmSync(work, { recursive: true, force: true }));

test('the tarball ships the bundles, the library with declarations, the manifest and editor data, not the rest', () => {
  for (const file of [
    'dist/reading-widget.js', 'dist/rw-moderation.js', 'dist/lib/index.js', 'dist/lib/index.d.ts', 'dist/lib/define-all.js',
    'dist/custom-elements.json', 'dist/web-types.json', 'dist/vscode.html-custom-data.json', 'dist/vscode.css-custom-data.json',
    'dist/types/react.d.ts', 'dist/types/vue.d.ts', 'README.md', 'LICENSE', 'docs/theming.md',
  ]) assert.ok(packed.includes(file), `${file} is not in the tarball`);
  assert.ok(packed.some((file) => file.startsWith('dist/chunks/')), 'no on-demand chunk in the tarball');
  const stray = packed.filter((file) => /^(src|test|bench|server|scripts|demo|build)\//.test(file));
  assert.deepEqual(stray, []);
});

test('every export of package.json resolves to a file in the package', () => {
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.ok(!pkg.private, 'the package is private: npm publish refuses it');
  const targets = [pkg.main, pkg.types, pkg['web-types'], pkg.customElements];
  for (const value of Object.values(pkg.exports)) targets.push(...(typeof value === 'string' ? [value] : Object.values(value)));
  for (const target of targets) assert.ok(existsSync(join(installed, target)), `${target} is not in the package`);
});

test('installing the package brings only what the browser code needs', (t) => {
  // The service's own dependencies move to its workspace (server/package.json) in the
  // production-service work; until that lands they are still the root package's.
  if (!existsSync(join(root, 'server/package.json'))) t.todo('the service still declares its dependencies in the root package.json');
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.deepEqual(Object.keys(pkg.dependencies ?? {}).sort(), ['dompurify', 'lit']);
});

test('the manifest names only modules that the package ships, and types every event', () => {
  const manifest = JSON.parse(readFileSync(join(installed, 'dist/custom-elements.json'), 'utf8'));
  for (const module of manifest.modules) assert.ok(existsSync(join(installed, module.path)), `${module.path} is not in the package`);
  const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.customElement);
  assert.deepEqual(elements.map((d) => d.tagName).sort(), ['rw-article', 'rw-comment-count', 'rw-comments', 'rw-moderation', 'rw-text-size']);
  for (const element of elements) {
    for (const event of element.events ?? []) assert.match(event.type?.text ?? '', /^CustomEvent<\w+>$/, `${element.tagName}: ${event.name} is untyped`);
    // Lit's internal state, controllers and internals are no part of the element's interface.
    const names = [...(element.attributes ?? []), ...(element.members ?? [])].map((item) => item.name);
    const internal = names.filter((name) => /^(items|phase|busy|view|failed|scale|status|n|token|current|say|alarm|errors|mine|replyTo|internals|l|locale|draft|total|cursor)$/.test(name));
    assert.deepEqual(internal, [], `${element.tagName} lists internal members`);
    assert.deepEqual((element.members ?? []).filter((m) => m.privacy && m.privacy !== 'public').map((m) => m.name), []);
    const theme = element.attributes.find((a) => a.name === 'theme');
    assert.equal(theme?.type?.text, "'light' | 'dark' | 'auto'", `${element.tagName}: theme`);
  }
});

test('the editor data lists every element with its attribute values, parts and custom properties', () => {
  const read = (file) => JSON.parse(readFileSync(join(installed, 'dist', file), 'utf8'));
  const html = read('vscode.html-custom-data.json');
  const css = read('vscode.css-custom-data.json');
  const webTypes = read('web-types.json');
  const tags = ['rw-article', 'rw-comment-count', 'rw-comments', 'rw-moderation', 'rw-text-size'];
  assert.deepEqual(html.tags.map((tag) => tag.name).sort(), tags);
  const theme = html.tags.find((tag) => tag.name === 'rw-article').attributes.find((a) => a.name === 'theme');
  assert.deepEqual(theme.values.map((v) => v.name), ['light', 'dark', 'auto']);
  assert.ok(css.properties.some((p) => p.name === '--rw-color-accent'));
  assert.ok(css.pseudoElements.some((p) => p.name === '::part(card)'));
  const elements = webTypes.contributions.html.elements;
  assert.deepEqual(elements.map((e) => e.name).sort(), tags);
  assert.equal(elements.find((e) => e.name === 'rw-text-size').attributes.find((a) => a.name === 'theme').value.type, "'light' | 'dark' | 'auto'");
});

test('Node imports every module of the library without a DOM; the main entry registers nothing, /define everything', () => {
  const files = packed.filter((file) => /^dist\/lib\/.*\.js$/.test(file));
  const script = `
    const tags = ['rw-article', 'rw-text-size', 'rw-comments', 'rw-comment-count', 'rw-moderation'];
    const { RwArticle } = await import('${project.name}');
    if (typeof RwArticle !== 'function') throw new Error('no RwArticle class');
    if (tags.some((tag) => customElements.get(tag))) throw new Error('${project.name} registered an element');
    await import('${project.name}/define');
    const missing = tags.filter((tag) => !customElements.get(tag));
    if (missing.length) throw new Error('${project.name}/define did not register ' + missing);
    await import('${project.name}/rw-moderation');
    const { createRequire } = await import('node:module');
    const files = ${JSON.stringify(files)};
    for (const file of files) await import(new URL(file, 'file://${installed}/').href);
    const manifest = createRequire(import.meta.url)('${project.name}/custom-elements.json');
    if (!manifest.modules.length) throw new Error('empty manifest');
    console.log('imported', files.length);`;
  const out = ok(process.execPath, ['--input-type=module', '-e', script]);
  assert.match(out, new RegExp(`imported ${files.length}`));
});

test("the README's and docs' import lines and package paths resolve in the installed package", () => {
  const docs = ['README.md', ...packed.filter((file) => /^docs\/.*\.md$/.test(file))].map((file) => readFileSync(join(root, file), 'utf8')).join('\n');
  const name = project.name.replace(/[-/]/g, '\\$&');
  const specifiers = [...new Set([...docs.matchAll(new RegExp(`(?:from|import)\\s+'(${name}(?:/[^']*)?)'`, 'g'))].map((m) => m[1]))];
  const paths = [...new Set([...docs.matchAll(new RegExp(`node_modules/${name}/([\\w./-]+)`, 'g'))].map((m) => m[1]))];
  assert.ok(specifiers.length >= 5, `too few import lines found: ${specifiers}`);
  const script = `for (const s of ${JSON.stringify(specifiers)}) { const file = new URL(import.meta.resolve(s)); await import('node:fs').then((fs) => { if (!fs.existsSync(file)) throw new Error(s + ' resolves to a missing file'); }); }`;
  ok(process.execPath, ['--input-type=module', '-e', script]);
  for (const path of paths) assert.ok(existsSync(join(installed, path)), `${path} (named in the docs) is not in the package`);
});

for (const name of ['react', 'vue', 'plain']) {
  test(`${name}: type-checks against the package (and rejects theme="purple")`, () => {
    // vue-tsc checks the templates of the single-file components too.
    ok(join(work, 'node_modules/.bin', name === 'vue' ? 'vue-tsc' : 'tsc'), ['-p', join(work, name)]);
  });

  test(`${name}: builds with Vite`, () => {
    ok(join(work, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn', join(work, name)]);
    assert.ok(existsSync(join(work, name, 'dist/index.html')));
  });
}

test('the React build renders the elements in Chromium', async () => {
  const server = await preview({ root: join(work, 'react'), configFile: false, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' } });
  const browser = await chromium.launch({ executablePath: findBrowsers().chromium, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.resolvedUrls.local[0]);
    const increase = page.locator('main > rw-text-size [part~="increase"]');
    await increase.waitFor();
    const card = await page.locator('rw-article').evaluate((el) => {
      const box = el.shadowRoot.querySelector('[part~="card"]').getBoundingClientRect();
      return { height: box.height, headline: el.querySelector('[slot=headline]').assignedSlot !== null };
    });
    assert.ok(card.height > 50 && card.headline, JSON.stringify(card));
    await increase.click();
    // The `onrw-text-size-change` prop is a listener React 19 added for the event.
    await page.waitForFunction(() => document.body.dataset.scale === '1.125');
    const defined = await page.evaluate(() => ['rw-article', 'rw-text-size', 'rw-comments', 'rw-comment-count', 'rw-moderation'].filter((tag) => !customElements.get(tag)));
    assert.deepEqual(defined, []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
