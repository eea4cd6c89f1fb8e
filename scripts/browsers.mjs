import { existsSync } from 'node:fs';

const candidates = {
  chromium: [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
  firefox: [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
};

/** Finds the machine's Chromium and Firefox, or exits saying how to install them. */
export function findBrowsers() {
  const found = {};
  const missing = [];
  for (const [name, paths] of Object.entries(candidates)) {
    found[name] = paths.find((path) => path && existsSync(path));
    if (!found[name]) missing.push(name);
  }
  if (missing.length) {
    console.error(
      `\nNo ${missing.join(' or ')} browser found. The tests run in real headless browsers, which npm cannot download here.\n` +
        'On Debian or Ubuntu: sudo apt-get install -y chromium firefox-esr\n' +
        'Or point CHROME_PATH / FIREFOX_PATH at an installed Chromium / Firefox.\n',
    );
    process.exit(1);
  }
  return found;
}

/** Headless Chromium as root in a closed network: no sandbox, and nothing that calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
