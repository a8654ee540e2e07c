import type { ImportProgress } from '../ingest/import-events.js';

const fmt = new Intl.NumberFormat('en');

/** One line of import progress: bar, percent, rows and rows/s. Pure, for tests. */
export function renderProgress(p: ImportProgress, elapsedMs: number, width = 24): string {
  const frac = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
  const filled = Math.round(frac * width);
  const rate = elapsedMs > 0 ? Math.round((p.rowsRead * 1000) / elapsedMs) : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(frac * 100)).padStart(3)}%  ${fmt.format(p.rowsRead)} rows  ${fmt.format(rate)} rows/s`;
}

/** A progress bar on stderr, redrawn at most 10 times a second, only when stderr is a terminal. */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr, now: () => number = Date.now) {
  const started = now();
  let last = 0;
  return {
    update(p: ImportProgress) {
      if (!stream.isTTY) return;
      const t = now();
      if (t - last < 100) return;
      last = t;
      stream.write(`\r${renderProgress(p, t - started)}`);
    },
    done() {
      if (stream.isTTY) stream.write('\r\x1b[2K');
    },
  };
}
