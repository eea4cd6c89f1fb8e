import { readDisqus } from './disqus.js';
import { readIsso } from './isso.js';
import { readJson } from './json.js';
import type { Format, Input, SourceItem } from './types.js';
import { readWxr } from './wxr.js';

export const READERS: Record<Format, (input: Input) => AsyncGenerator<SourceItem>> = {
  disqus: readDisqus,
  wxr: readWxr,
  isso: readIsso,
  json: readJson,
};
