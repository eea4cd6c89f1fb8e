// The shared service for the browser benchmarks, with one thread of 1,000 approved comments,
// seeded once per bench run through the real API and the moderation API.
import { seedApproved } from './service.mjs';

export const THREAD = 'bench-1000';
export const SEEDED = 1000;

let seeding = null;

export function seedThread(ctx) {
  seeding ??= (async () => {
    const t0 = Date.now();
    const service = await ctx.service();
    await seedApproved(service.api, THREAD, SEEDED);
    ctx.log(`  service up and ${SEEDED} approved comments seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return { api: service.api, thread: THREAD, count: SEEDED };
  })();
  return seeding;
}
