import { DateTime } from "luxon";

/**
 * What the scheduled change prompts owe at an instant T, as pure functions: the job asks them and queues
 * a post under a key derived from the answer, so running the job twice at the same T (two replicas, a
 * retry) queues each prompt once.
 */

const MS_PER_MINUTE = 60_000;

/**
 * Approvers are reminded once a change has waited `remindAfter` minutes, then once per `interval`. The
 * answer is the interval's number (0 for the first reminder), which names the reminder: at most one each.
 */
export function reminderRound(
  authorizeStartedAt: Date,
  now: Date,
  timing: { remindAfterMinutes: number; reminderIntervalMinutes: number },
): number | undefined {
  const waited = now.getTime() - authorizeStartedAt.getTime() - timing.remindAfterMinutes * MS_PER_MINUTE;
  if (waited < 0) return undefined;
  return Math.floor(waited / (timing.reminderIntervalMinutes * MS_PER_MINUTE));
}

/** "Starting soon" is due from `lead` minutes before the window opens until it opens. */
export function startingSoonDue(plannedStart: Date, now: Date, leadMinutes: number): boolean {
  const start = plannedStart.getTime();
  return now.getTime() >= start - leadMinutes * MS_PER_MINUTE && now.getTime() < start;
}

/** A change still being implemented when its window has closed is overrunning. */
export function overrunningDue(plannedEnd: Date, now: Date): boolean {
  return now.getTime() >= plannedEnd.getTime();
}

/**
 * The daily CAB agenda is due once the desk's wall clock passes `agendaTime` on a day; the answer is that
 * local date, which names the agenda (one per day).
 */
export function agendaDate(now: Date, agendaTime: string, timezone: string): string | undefined {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  const [hours = 0, minutes = 0] = agendaTime.split(":").map(Number);
  const dueAt = local.set({ hour: hours, minute: minutes, second: 0, millisecond: 0 });
  return local >= dueAt ? local.toFormat("yyyy-MM-dd") : undefined;
}
