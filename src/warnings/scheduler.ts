import type { Db } from '../db/database.js';
import { deliverDueNotifications, type Mailer } from './notify/deliver.js';
import { escalateOverdue, type Escalation } from './escalate-overdue.js';
import type { WarningSettings } from './warning-settings.js';
import { readWarningSettings } from './warning-settings.repository.js';

export interface TickResult {
  escalations: Escalation[];
  delivery: { sent: number; failed: number; retrying: number };
}

/**
 * One pass of the deadline scheduler: escalate the overdue steps, then send what the outbox holds.
 * Everything it needs is in the database, so a restart loses nothing, and two processes ticking at
 * once escalate each overdue step once and send each notification once.
 */
export async function tickWarnings(
  db: Db,
  o: { now: Date; mailer: Mailer | null; settings?: WarningSettings },
): Promise<TickResult> {
  const settings = o.settings ?? (await readWarningSettings(db));
  const escalations = await escalateOverdue(db, o.now, settings);
  const delivery = await deliverDueNotifications(db, { now: o.now, mailer: o.mailer, webhooks: settings.webhooks });
  return { escalations, delivery };
}

export interface WarningScheduler {
  /** Stops ticking; resolves once a pass under way has finished. */
  stop(): Promise<void>;
}

/**
 * Ticks every `intervalMs` (a pass never overlaps the previous one). A failed pass is reported
 * through `onError` (default: stderr) and the next one runs on time.
 */
export function startWarningScheduler(
  db: Db,
  o: { clock: () => Date; intervalMs: number; mailer: Mailer | null; onError?: (e: unknown) => void },
): WarningScheduler {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const report = o.onError ?? ((e: unknown) => console.error('[tocsin] warning scheduler:', e instanceof Error ? e.message : e));
  const pass = async () => {
    try {
      await tickWarnings(db, { now: o.clock(), mailer: o.mailer });
    } catch (e) {
      report(e);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass().then(schedule);
    }, o.intervalMs);
    timer.unref?.();
  };
  running = pass().then(schedule);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
