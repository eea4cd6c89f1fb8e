import { fixtureCleanup } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { pending, reject, useServer, type TestServer } from './comments-server.js';

/**
 * The set-up of the `<rw-moderation>` tests: a real service for the file, and before each test an
 * empty queue and no signed-in session; after it, the fixture gone and the viewport back to the
 * default (a test that narrows it to 320 px leaves the next one unaffected).
 */
export function useModerationPage(): TestServer {
  const server = useServer();
  beforeEach(async () => {
    sessionStorage.clear();
    for (const comment of await pending(server)) await reject(server, comment.id);
  });
  afterEach(async () => {
    fixtureCleanup();
    await setViewport({ width: 800, height: 600 });
  });
  return server;
}
