/**
 * The durations of the long tasks (over 50 ms on the main thread) while `work` runs, from the
 * browser's own PerformanceObserver. Only Chromium reports long tasks: elsewhere this is null.
 */
export async function longTasks(work: () => Promise<unknown>): Promise<number[] | null> {
  if (!PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
    await work();
    return null;
  }
  const seen: number[] = [];
  const observer = new PerformanceObserver((list) => seen.push(...list.getEntries().map((entry) => Math.round(entry.duration))));
  observer.observe({ type: 'longtask' });
  try {
    await work();
    // Entries arrive after the task that produced them.
    await new Promise((resolve) => setTimeout(resolve, 200));
    seen.push(...observer.takeRecords().map((entry) => Math.round(entry.duration)));
  } finally {
    observer.disconnect();
  }
  return seen;
}

/**
 * The longest task of the calmest of up to `tries` runs of `work` (it stops at the first calm one),
 * with every run's long tasks for the message. On a machine shared with other jobs any single task
 * can be stretched past 50 ms by the scheduler; a real freeze shows in every run. null outside Chromium.
 */
export async function calmest(work: () => Promise<unknown>, tries = 5): Promise<{ longest: number; runs: number[][] } | null> {
  const runs: number[][] = [];
  for (let i = 0; i < tries; i++) {
    const tasks = await longTasks(work);
    if (!tasks) return null;
    runs.push(tasks);
    if (!tasks.length) break;
  }
  return { longest: Math.min(...runs.map((tasks) => Math.max(0, ...tasks))), runs };
}
