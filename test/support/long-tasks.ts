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

/** Ten tasks of about 3 ms of work each: on a calm machine none of them is a long task. */
async function probe() {
  for (let i = 0; i < 10; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const end = performance.now() + 3;
    while (performance.now() < end) {
      /* busy on purpose */
    }
  }
}

/**
 * The longest task of the calmest of up to `tries` runs of `work` (it stops at the first calm one),
 * with every run's long tasks for the message. On a machine shared with other jobs any task can be
 * stretched past 50 ms by the scheduler, so each run is preceded by a probe of known small tasks: a
 * run whose probe already shows a long task says nothing about `work` and is not judged (it is
 * listed as `noisy`). A real freeze shows in every judged run. null outside Chromium, and when no
 * run could be judged (then `noisy` says so).
 */
export async function calmest(work: () => Promise<unknown>, tries = 6): Promise<{ longest: number; runs: number[][]; noisy: number } | null> {
  const runs: number[][] = [];
  let noisy = 0;
  for (let i = 0; i < tries; i++) {
    const before = await longTasks(probe);
    if (!before) {
      await work();
      return null;
    }
    const tasks = await longTasks(work);
    if (before.length) {
      noisy++;
      continue;
    }
    runs.push(tasks!);
    if (!tasks!.length) break;
  }
  if (!runs.length) {
    console.log(`[long-tasks] every one of ${tries} runs was on a busy machine (its probe had long tasks): not judged`);
    return null;
  }
  return { longest: Math.min(...runs.map((tasks) => Math.max(0, ...tasks))), runs, noisy };
}
