import type { ImportReport } from './import.js';

/** The import report as the command prints it: totals, counts by thread and status, then every skipped item and note. */
export function formatReport(report: ImportReport): string {
  const lines = [
    `${report.format}: ${report.read} comments read, ${report.added} added, ${report.alreadyImported} already imported (or erased since), ${report.skipped.length} skipped`,
  ];
  for (const [thread, counts] of Object.entries(report.byThread).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${thread}: ${Object.entries(counts).map(([status, n]) => `${n} ${status}`).join(', ')}`);
  }
  if (report.skipped.length) lines.push('skipped:', ...report.skipped.map((s) => `  ${s.item}: ${s.why}`));
  if (report.notes.length) lines.push('imported with a change:', ...report.notes.map((n) => `  ${n.item}: ${n.note}`));
  return lines.join('\n') + '\n';
}
