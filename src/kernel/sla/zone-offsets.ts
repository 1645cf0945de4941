import { MS_PER_HOUR } from "./time-units.js";
import type { OffsetReader } from "./zone-clock.js";

/** A stretch of real time during which the zone's UTC offset does not change. */
export interface OffsetSegment {
  /** First instant of the stretch (epoch ms, inclusive). */
  readonly start: number;
  /** End of the stretch (epoch ms, exclusive). */
  readonly end: number;
  /** Wall clock minus UTC, in ms, throughout the stretch. */
  readonly offsetMs: number;
}

/**
 * Zones change offset at most a couple of times a year and never twice within a few hours; probing every
 * 6 hours finds every transition of the real tz database while keeping the probe count small.
 */
const PROBE_STEP_MS = 6 * MS_PER_HOUR;

/** The first instant in (before, after] whose offset differs from the offset at `before`. */
function findTransition(offsetAt: OffsetReader, before: number, after: number, offsetBefore: number): number {
  let lo = before;
  let hi = after;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid) === offsetBefore) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * Splits the real-time range [start, end) into stretches of constant UTC offset. The SLA arithmetic needs
 * this because a wall-clock working interval (DESIGN principle 6: pure calendar arithmetic) maps onto real
 * time differently on each side of a daylight-saving change.
 */
export function offsetSegments(offsetAt: OffsetReader, start: number, end: number): OffsetSegment[] {
  const segments: OffsetSegment[] = [];
  let segmentStart = start;
  let segmentOffset = offsetAt(start);
  let probe = start;
  while (probe < end) {
    const next = Math.min(probe + PROBE_STEP_MS, end);
    const nextOffset = offsetAt(next === end ? end - 1 : next);
    if (nextOffset !== segmentOffset) {
      const transition = findTransition(offsetAt, probe, next === end ? end - 1 : next, segmentOffset);
      segments.push({ start: segmentStart, end: transition, offsetMs: segmentOffset });
      segmentStart = transition;
      segmentOffset = offsetAt(transition);
      // Re-probe from the transition: a second change inside the same probe step is then still found.
      probe = transition;
      continue;
    }
    probe = next;
  }
  segments.push({ start: segmentStart, end, offsetMs: segmentOffset });
  return segments;
}
