// The SLA clock contract (README "SLAs"), rule by rule, on real calendars. Local times in comments.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  dueAt,
  elapsedAt,
  nextAlertAt,
  pauseClock,
  reopenCumulative,
  resumeClock,
  retargetClock,
  type SlaClockState,
  startClock,
  stopClock,
  takeDueAlerts,
} from "../../../../src/kernel/sla/clock/index.js";
import { compileCalendar } from "../../../../src/kernel/sla/index.js";
import {
  berlin24x7,
  berlinOffice,
  berlinSplitShift,
  HOUR,
  MINUTE,
  newYork24x7,
  newYorkOffice,
} from "../calendars.js";

const office = compileCalendar(berlinOffice, "berlin-office");
const split = compileCalendar(berlinSplitShift, "berlin-split");
const nyOffice = compileCalendar(newYorkOffice, "ny-office");
const berlinAlways = compileCalendar(berlin24x7, "berlin-24x7");
const nyAlways = compileCalendar(newYork24x7, "ny-24x7");

/** "2025-11-03 10:00" in a zone, as epoch ms. */
function local(text: string, zone = "Europe/Berlin"): number {
  const parsed = DateTime.fromFormat(text, "yyyy-MM-dd HH:mm", { zone });
  if (!parsed.isValid) throw new Error(`bad local time ${text}`);
  return parsed.toMillis();
}

const terms = (hours: number, thresholds = [50, 75, 90]) => ({ targetMs: hours * HOUR, thresholds });

function resolution(hours: number, at: number, thresholds?: number[]): SlaClockState {
  return startClock("resolution", 1, terms(hours, thresholds), at);
}

describe("GIVEN a clock on a 09:00-17:00 Berlin calendar", () => {
  // Mon 3 Nov 2025 10:00 CET.
  const start = local("2025-11-03 10:00");

  it("THEN due is when business elapsed reaches the target, and each warning when its share is reached", () => {
    const clock = resolution(4, start);
    expect(dueAt(office, clock)).toBe(local("2025-11-03 14:00"));
    expect(nextAlertAt(office, clock)).toBe(local("2025-11-03 12:00"));
    expect(elapsedAt(office, clock, local("2025-11-03 13:00"))).toBe(3 * HOUR);
  });

  it("THEN a ticket opened outside hours accrues nothing until the next opening", () => {
    // Sat 8 Nov 11:00: nothing until Mon 10 Nov 09:00.
    const clock = resolution(4, local("2025-11-08 11:00"));
    expect(elapsedAt(office, clock, local("2025-11-10 08:59"))).toBe(0);
    expect(dueAt(office, clock)).toBe(local("2025-11-10 13:00"));
  });

  it("THEN due at a closing time is that closing time, not the next opening", () => {
    const clock = resolution(8, local("2025-11-03 09:00"));
    expect(dueAt(office, clock)).toBe(local("2025-11-03 17:00"));
  });

  it("THEN a pause extends due by exactly the business time paused, overnight included", () => {
    // The 50 % and 75 % warnings were reached before the pause; once fired, nothing is due while paused.
    const warned = takeDueAlerts(office, resolution(8, start), local("2025-11-03 16:00"));
    expect(warned.alerts.map((a) => a.percent)).toEqual([50, 75]);
    const paused = pauseClock(warned.state, local("2025-11-03 16:00"));
    expect(dueAt(office, paused)).toBeNull();
    expect(nextAlertAt(office, paused)).toBeNull();
    // Paused 16:00-17:00 and 09:00-10:00 next day: 2 business hours; 2 hours left from Tue 10:00.
    const resumed = resumeClock(paused, local("2025-11-04 10:00"));
    expect(dueAt(office, resumed)).toBe(local("2025-11-04 12:00"));
    expect(elapsedAt(office, resumed, local("2025-11-04 10:00"))).toBe(6 * HOUR);
  });

  it("THEN a warning already fired before a pause does not come back after it", () => {
    const clock = resolution(4, start);
    const first = takeDueAlerts(office, clock, local("2025-11-03 12:00"));
    expect(first.alerts.map((a) => a.percent)).toEqual([50]);
    const resumed = resumeClock(
      pauseClock(first.state, local("2025-11-03 12:30")),
      local("2025-11-03 13:30"),
    );
    // 75 % is 3h: 2h30 before the pause, 30 min after it.
    expect(nextAlertAt(office, resumed)).toBe(local("2025-11-03 14:00"));
    expect(takeDueAlerts(office, resumed, local("2025-11-03 14:00")).alerts.map((a) => a.percent)).toEqual([
      75,
    ]);
  });

  it("THEN pausing a paused clock or resuming a running one changes nothing", () => {
    const clock = resolution(4, start);
    const paused = pauseClock(clock, local("2025-11-03 11:00"));
    expect(pauseClock(paused, local("2025-11-03 11:30"))).toBe(paused);
    expect(resumeClock(clock, local("2025-11-03 11:30"))).toBe(clock);
  });

  it("THEN each threshold fires once, in order, and a late sweep fires every one passed at once", () => {
    let clock = resolution(4, start);
    const early = takeDueAlerts(office, clock, local("2025-11-03 11:59"));
    expect(early.alerts).toEqual([]);
    const half = takeDueAlerts(office, clock, local("2025-11-03 12:00"));
    expect(half.alerts).toEqual([{ percent: 50, reachedAt: local("2025-11-03 12:00"), breach: false }]);
    clock = half.state;
    expect(takeDueAlerts(office, clock, local("2025-11-03 12:10")).alerts).toEqual([]);
    const late = takeDueAlerts(office, clock, local("2025-11-03 15:00"));
    expect(late.alerts.map((a) => [a.percent, a.breach])).toEqual([
      [75, false],
      [90, false],
      [100, true],
    ]);
    expect(late.alerts[1]?.reachedAt).toBe(local("2025-11-03 13:36"));
    expect(late.state.breached).toBe(true);
    expect(nextAlertAt(office, late.state)).toBeNull();
    expect(takeDueAlerts(office, late.state, local("2025-11-04 15:00")).alerts).toEqual([]);
  });

  it("THEN a clock stopped before due is met, at or after due is breached, and the breach never clears", () => {
    const clock = resolution(4, start);
    expect(stopClock(office, clock, local("2025-11-03 13:59"), "resolved").breached).toBe(false);
    expect(stopClock(office, clock, local("2025-11-03 14:00"), "resolved").breached).toBe(true);
    const late = stopClock(office, clock, local("2025-11-04 09:30"), "resolved");
    expect(late.breached).toBe(true);
    // Resolved between two sweeps, after due: the breach no sweep announced is still owed, once.
    expect(nextAlertAt(office, late)).toBe(local("2025-11-03 14:00"));
    const owed = takeDueAlerts(office, late, local("2025-11-04 09:30"));
    expect(owed.alerts).toEqual([{ percent: 100, reachedAt: local("2025-11-03 14:00"), breach: true }]);
    expect(nextAlertAt(office, owed.state)).toBeNull();
    expect(takeDueAlerts(office, owed.state, local("2025-11-05 09:30")).alerts).toEqual([]);
    // Met in time: nothing owed.
    expect(nextAlertAt(office, stopClock(office, clock, local("2025-11-03 13:59"), "resolved"))).toBeNull();
    // Reopened and carried on with a generous new target: still breached.
    const reopened = reopenCumulative(late, local("2025-11-04 10:00"));
    expect(retargetClock(office, reopened, terms(40), local("2025-11-04 10:00")).breached).toBe(true);
  });

  it("THEN a clock stopped while paused is judged on the time it had, not on the pause", () => {
    const paused = pauseClock(resolution(4, start), local("2025-11-03 11:00"));
    const stopped = stopClock(office, paused, local("2025-11-04 16:00"), "resolved");
    expect(stopped.breached).toBe(false);
    expect(elapsedAt(office, stopped, local("2025-11-05 12:00"))).toBe(1 * HOUR);
  });
});

describe("GIVEN a priority change in recompute mode", () => {
  const start = local("2025-11-03 09:00");

  it("THEN the new target applies from creation: passed thresholds fire at once, the rest at their new times", () => {
    // P3 8h → P2 2h after 1h30 of work: 50 % (1h) and 75 % (1h30) are passed, 90 % is at 10:48.
    const clock = resolution(8, start);
    const changedAt = local("2025-11-03 10:30");
    const retargeted = retargetClock(office, clock, terms(2), changedAt);
    expect(retargeted.breached).toBe(false);
    expect(dueAt(office, retargeted)).toBe(local("2025-11-03 11:00"));
    expect(nextAlertAt(office, retargeted)).toBeLessThanOrEqual(changedAt);
    const fired = takeDueAlerts(office, retargeted, changedAt);
    expect(fired.alerts.map((a) => a.percent)).toEqual([50, 75]);
    expect(nextAlertAt(office, fired.state)).toBe(local("2025-11-03 10:48"));
  });

  it("THEN a clock already past its new due is breached at once and the breach alert is due now", () => {
    const clock = resolution(8, start);
    const changedAt = local("2025-11-03 12:00");
    const retargeted = retargetClock(office, clock, terms(2), changedAt);
    expect(retargeted.breached).toBe(true);
    const fired = takeDueAlerts(office, retargeted, changedAt);
    expect(fired.alerts.at(-1)).toEqual({ percent: 100, reachedAt: local("2025-11-03 11:00"), breach: true });
  });

  it("THEN pauses carry over into the recomputed due", () => {
    const paused = resumeClock(
      pauseClock(resolution(8, start), local("2025-11-03 10:00")),
      local("2025-11-03 11:00"),
    );
    const retargeted = retargetClock(office, paused, terms(2), local("2025-11-03 11:15"));
    expect(dueAt(office, retargeted)).toBe(local("2025-11-03 12:00"));
  });

  it("THEN a longer target moves due later and does not repeat warnings already fired", () => {
    const warned = takeDueAlerts(office, resolution(2, start), local("2025-11-03 10:00")).state;
    expect(warned.fired).toEqual([50]);
    const relaxed = retargetClock(office, warned, terms(8), local("2025-11-03 10:00"));
    expect(dueAt(office, relaxed)).toBe(local("2025-11-03 17:00"));
    expect(nextAlertAt(office, relaxed)).toBe(local("2025-11-03 15:00"));
    expect(takeDueAlerts(office, relaxed, local("2025-11-03 17:00")).alerts.map((a) => a.percent)).toEqual([
      75, 90, 100,
    ]);
  });

  it("THEN a stopped clock keeps its outcome", () => {
    const met = stopClock(office, resolution(8, start), local("2025-11-03 12:00"), "resolved");
    expect(retargetClock(office, met, terms(1), local("2025-11-03 12:30"))).toBe(met);
  });
});

describe("GIVEN a reopen in cumulative mode", () => {
  it("THEN the clock runs on and the time spent resolved counts as paused", () => {
    const start = local("2025-11-03 09:00");
    const resolved = stopClock(office, resolution(8, start), local("2025-11-03 12:00"), "resolved");
    const reopened = reopenCumulative(resolved, local("2025-11-04 09:00"));
    expect(reopened.stoppedAt).toBeNull();
    expect(elapsedAt(office, reopened, local("2025-11-04 09:00"))).toBe(3 * HOUR);
    expect(dueAt(office, reopened)).toBe(local("2025-11-04 14:00"));
  });
});

describe("GIVEN holidays and split shifts", () => {
  it("THEN Christmas and the weekend accrue nothing (Berlin office)", () => {
    // Wed 24 Dec 16:00 + 2h: 1h on the 24th, 25th/26th holidays, weekend, Mon 29 Dec 09:00-10:00.
    const clock = resolution(2, local("2025-12-24 16:00"));
    expect(dueAt(office, clock)).toBe(local("2025-12-29 10:00"));
  });

  it("THEN the lunch break in a split shift accrues nothing and pausing over it costs nothing", () => {
    // 11:00 + 2h on 08-12 / 13-17: 1h until noon, lunch, 13:00-14:00.
    const start = local("2025-11-03 11:00");
    const clock = resolution(2, start);
    expect(dueAt(split, clock)).toBe(local("2025-11-03 14:00"));
    const lunchPause = resumeClock(pauseClock(clock, local("2025-11-03 12:00")), local("2025-11-03 13:00"));
    expect(dueAt(split, lunchPause)).toBe(local("2025-11-03 14:00"));
    expect(nextAlertAt(split, clock)).toBe(local("2025-11-03 12:00"));
  });

  it("THEN a holiday inside a split-shift calendar is skipped whole", () => {
    // Wed 30 Apr 16:00 + 2h: 1h on Wednesday, 1 May is a holiday, Fri 2 May 08:00-09:00.
    expect(dueAt(split, resolution(2, local("2025-04-30 16:00")))).toBe(local("2025-05-02 09:00"));
  });
});

describe("GIVEN daylight-saving changes", () => {
  it("THEN business hours stay 09:00-17:00 local across Berlin's spring change", () => {
    // Fri 28 Mar 16:00 CET + 2h → Mon 31 Mar 10:00 CEST.
    const clock = resolution(2, local("2025-03-28 16:00"));
    expect(dueAt(office, clock)).toBe(local("2025-03-31 10:00"));
    expect(new Date(dueAt(office, clock) ?? 0).toISOString()).toBe("2025-03-31T08:00:00.000Z");
  });

  it("THEN business hours stay 09:00-17:00 local across New York's autumn change", () => {
    // Fri 31 Oct 16:00 EDT + 2h → Mon 3 Nov 10:00 EST (15:00Z).
    const clock = resolution(2, local("2025-10-31 16:00", "America/New_York"));
    expect(new Date(dueAt(nyOffice, clock) ?? 0).toISOString()).toBe("2025-11-03T15:00:00.000Z");
  });

  it("THEN on 24×7 the clock counts real hours through the 25-hour Berlin night", () => {
    // Sat 25 Oct 23:00 CEST + 4h: 00:00, 01:00, 02:00 CEST, 02:00 CET again → 02:00 CET (01:00Z).
    const clock = resolution(4, local("2025-10-25 23:00"));
    expect(new Date(dueAt(berlinAlways, clock) ?? 0).toISOString()).toBe("2025-10-26T01:00:00.000Z");
  });

  it("THEN on 24×7 the clock counts real hours through the 23-hour New York night, warnings included", () => {
    // Sat 8 Mar 23:00 EST (04:00Z) + 4h real → 08:00Z (04:00 EDT); 50 % at 06:00Z.
    const clock = resolution(4, local("2025-03-08 23:00", "America/New_York"));
    expect(new Date(dueAt(nyAlways, clock) ?? 0).toISOString()).toBe("2025-03-09T08:00:00.000Z");
    expect(new Date(nextAlertAt(nyAlways, clock) ?? 0).toISOString()).toBe("2025-03-09T06:00:00.000Z");
  });

  it("THEN a pause across the change resumes with exactly the business time left", () => {
    const clock = resolution(2, local("2025-03-28 16:00"));
    const paused = pauseClock(clock, local("2025-03-28 16:30"));
    const resumed = resumeClock(paused, local("2025-03-31 09:30"));
    // 30 min before the pause; 90 min left from Mon 09:30 CEST.
    expect(dueAt(office, resumed)).toBe(local("2025-03-31 11:00"));
    expect(elapsedAt(office, resumed, local("2025-03-31 11:00"))).toBe(2 * HOUR);
    expect(elapsedAt(office, resumed, local("2025-03-31 10:00"))).toBe(60 * MINUTE);
  });
});

describe("GIVEN a response clock", () => {
  it("THEN its state names it, and minute targets work like hour ones", () => {
    const clock = startClock(
      "response",
      1,
      { targetMs: 15 * MINUTE, thresholds: [50] },
      local("2025-11-03 10:00"),
    );
    expect(clock.kind).toBe("response");
    expect(dueAt(office, clock)).toBe(local("2025-11-03 10:15"));
    expect(nextAlertAt(office, clock)).toBe(local("2025-11-03 10:07") + 30_000);
  });

  it("THEN a clock started while on hold for a pausing reason starts paused", () => {
    const clock = startClock("response", 1, terms(1), local("2025-11-03 10:00"), true);
    expect(dueAt(office, clock)).toBeNull();
    expect(dueAt(office, resumeClock(clock, local("2025-11-03 11:00")))).toBe(local("2025-11-03 12:00"));
  });
});
