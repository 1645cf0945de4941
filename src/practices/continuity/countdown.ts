import type { RunSnapshot } from "./model.js";
import { warningPercents } from "./model.js";

/** "2h 05m", "45m", "3d 4h". */
export function formatMinutes(total: number): string {
  const minutes = Math.max(0, Math.round(total));
  if (minutes < 60) return `${minutes}m`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, "0")}m`;
  return `${Math.floor(minutes / 1440)}d ${Math.floor((minutes % 1440) / 60)}h`;
}

export function elapsedMinutes(run: Pick<RunSnapshot, "startedAt">, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - run.startedAt.getTime()) / 60_000));
}

/** "RTO 4h 00m: 1h 50m left · MTD 8h 00m: 5h 50m left", or how far past each. */
export function countdownText(run: RunSnapshot, now: Date): string {
  const elapsed = elapsedMinutes(run, now);
  const part = (name: string, objective: number) => {
    const left = objective - elapsed;
    return left >= 0
      ? `${name} ${formatMinutes(objective)}: ${formatMinutes(left)} left`
      : `${name} ${formatMinutes(objective)}: exceeded by ${formatMinutes(-left)}`;
  };
  return `${formatMinutes(elapsed)} elapsed · ${part("RTO", run.rtoMinutes)} · ${part("MTD", run.mtdMinutes)}`;
}

/** The highest warning threshold of the RTO reached at `now` (0 when none). */
export function warningDue(run: RunSnapshot, now: Date): number {
  const used = (elapsedMinutes(run, now) / run.rtoMinutes) * 100;
  return warningPercents.filter((percent) => used >= percent).at(-1) ?? 0;
}

/** "Recovered in 3h 10m: RTO 4h 00m met, MTD 8h 00m met". */
export function recoveryText(run: RunSnapshot): string {
  const took = run.recoveryMinutes ?? 0;
  const against = (name: string, objective: number) =>
    `${name} ${formatMinutes(objective)} ${took <= objective ? "met" : "missed"}`;
  return `Recovered in ${formatMinutes(took)}: ${against("RTO", run.rtoMinutes)}, ${against("MTD", run.mtdMinutes)}`;
}
