// Preloaded (`node --import`) into a child process whose memory a test measures: prints, as the
// process exits, its peak resident set and the peak of its JavaScript heap (sampled every 10 ms),
// in kilobytes, on stderr. The heap is what holding a file or its records would grow; the resident
// set also counts a WebAssembly database's own memory.
import { getHeapStatistics } from 'node:v8';

let heap = 0;
const sample = () => (heap = Math.max(heap, getHeapStatistics().used_heap_size));
setInterval(sample, 10).unref();
process.on('exit', () => {
  sample();
  process.stderr.write(`\nMAXRSS ${process.resourceUsage().maxRSS}\nMAXHEAP ${Math.round(heap / 1024)}\n`);
});
