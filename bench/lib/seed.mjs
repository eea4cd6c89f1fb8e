// The shared service for the browser benchmarks, with one thread of 1,000 approved comments,
// seeded once per bench run through the real API and the moderation API.
import { seedApproved } from './service.mjs';

export const THREAD = 'bench-1000';
export const SEEDED = 1000;

let seeding = null;

export function seedThread(ctx) {
  seeding ??= (async () => {
    const service = await ctx.service();
    const t0 = Date.now();
    await seedApproved(service.api, THREAD, SEEDED);
    ctx.log(`  seeded ${SEEDED} approved comments in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return { api: service.api, thread: THREAD, count: SEEDED };
  })();
  return seeding;
}
