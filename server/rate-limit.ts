/**
 * Sliding-window limit per client address: at most `perMinute` hits in any 60 seconds. In memory,
 * so it is per process; that is enough for one service instance (behind a CDN the posts still reach
 * it). Memory stays bounded: idle addresses are swept, and the map never grows past `maxClients`.
 */
export class RateLimiter {
  private hits = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    private perMinute: number,
    private windowMs = 60_000,
    private maxClients = 50_000,
    private now: () => number = Date.now,
  ) {}

  /** Records a hit. Returns 0 when allowed, else the whole seconds to wait before the next one. */
  hit(client: string): number {
    if (this.perMinute <= 0) return 0;
    const now = this.now();
    this.sweep(now);
    const since = now - this.windowMs;
    const times = (this.hits.get(client) ?? []).filter((t) => t > since);
    if (times.length >= this.perMinute) {
      this.hits.set(client, times);
      return Math.max(1, Math.ceil((times[0] + this.windowMs - now) / 1000));
    }
    times.push(now);
    // Re-inserting keeps the Map in least-recently-used order for the eviction below.
    this.hits.delete(client);
    this.hits.set(client, times);
    if (this.hits.size > this.maxClients) this.hits.delete(this.hits.keys().next().value!);
    return 0;
  }

  private sweep(now: number) {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [client, times] of this.hits) if (times[times.length - 1] <= now - this.windowMs) this.hits.delete(client);
  }
}
