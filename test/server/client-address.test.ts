// Rate-limit keys: one client is one key however its address is written (brackets, ports,
// IPv4-mapped IPv6 in either notation, zone ids), and IPv6 clients are keyed per /64.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clientKey, parseAddress } from '../../server/client-address.js';
import type { Store } from '../../server/store.js';
import { client, comment, key, openStore } from './helpers.js';

let store: Store;
let cleanup: () => Promise<void>;
before(async () => ({ store, cleanup } = await openStore()));
after(() => cleanup());

test('every spelling of one address parses to its plain form', () => {
  const same: Record<string, string[]> = {
    '7.7.7.7': ['7.7.7.7', '7.7.7.7:1111', '::ffff:7.7.7.7', '::ffff:707:707', '[::ffff:7.7.7.7]:80', '[::FFFF:0707:0707]', '0:0:0:0:0:ffff:7.7.7.7', ' 7.7.7.7 '],
    '2001:db8::1': ['2001:db8::1', '[2001:db8::1]', '[2001:db8::1]:443', '2001:DB8:0:0:0:0:0:1', '2001:db8::0001', 'fe80::1%eth0'.replace('fe80::1', '2001:db8::1')],
  };
  for (const [plain, spellings] of Object.entries(same)) for (const s of spellings) assert.equal(parseAddress(s), plain, s);
  for (const bad of ['', 'unknown', '7.7.7', '999.1.1.1', '[2001:db8::1', '2001:db8::1]:443', 'a:b', '7.7.7.7:', '7.7.7.7:99999', '::ffff:999.1.1.1']) {
    assert.equal(parseAddress(bad), null, bad);
  }
});

test('client keys: IPv4 as it is, IPv6 per /64', () => {
  assert.equal(clientKey('198.51.100.7'), '198.51.100.7');
  assert.equal(clientKey('::ffff:198.51.100.7'), '198.51.100.7');
  assert.equal(clientKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
  assert.equal(clientKey('[2001:db8:1:2:bbbb:cccc:dddd:eeee]:8080'), '2001:db8:1:2::/64');
  assert.equal(clientKey('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(clientKey('::1'), '0:0:0:0::/64');
});

test('with TRUST_PROXY, each spelling in X-Forwarded-For shares the plain form\'s rate-limit bucket', async () => {
  const groups = [
    ['7.7.7.7', '7.7.7.7:1111', '::ffff:7.7.7.7', '::ffff:707:707'],
    ['2001:db8::1', '[2001:db8::1]', '[2001:db8::1]:443', '2001:db8::2'],
  ];
  for (const group of groups) {
    const { call } = client(store, { rateLimitPerMinute: 1, trustProxy: true });
    const statuses = [];
    for (const address of group) {
      const r = await call(`/api/threads/xff/comments`, { json: comment(1), headers: { 'idempotency-key': key(), 'x-forwarded-for': `203.0.113.1, ${address}` } });
      statuses.push(r.res.status);
    }
    assert.deepEqual(statuses, [202, ...group.slice(1).map(() => 429)], group.join(' '));
  }
});
