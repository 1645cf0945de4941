import { MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND } from "./time-units.js";

/**
 * Business durations for people: "3h 20m", "45m", "30s", "0m". Hours are never folded into days, for the
 * same reason parseSlaDuration refuses days (8 versus 24 hours). Truncates toward zero, so "time left"
 * never looks longer than it is; negative values (overdue by) keep their sign: "-1h 5m".
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`cannot format ${ms} as a duration`);
  const sign = ms < 0 ? "-" : "";
  const magnitude = Math.abs(ms);
  const hours = Math.floor(magnitude / MS_PER_HOUR);
  const minutes = Math.floor((magnitude % MS_PER_HOUR) / MS_PER_MINUTE);
  if (hours > 0) return `${sign}${hours}h${minutes > 0 ? ` ${minutes}m` : ""}`;
  if (minutes > 0) return `${sign}${minutes}m`;
  const seconds = Math.floor(magnitude / MS_PER_SECOND);
  return seconds > 0 ? `${sign}${seconds}s` : "0m";
}
