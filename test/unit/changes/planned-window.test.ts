import { describe, expect, it } from "vitest";
import {
  checkPlannedWindow,
  formatWindow,
  parseLocalDateTime,
} from "../../../src/practices/changes/planned-window.js";
import {
  agendaDate,
  overrunningDue,
  reminderRound,
  startingSoonDue,
} from "../../../src/practices/changes/prompts-due.js";

describe("GIVEN a date typed by a person", () => {
  it("THEN it is read on their own wall clock, across DST", () => {
    expect(parseLocalDateTime("2026-11-20 22:00", "Europe/Berlin", "start").toISOString()).toBe(
      "2026-11-20T21:00:00.000Z",
    );
    expect(parseLocalDateTime("2026-07-20T22:00", "Europe/Berlin", "start").toISOString()).toBe(
      "2026-07-20T20:00:00.000Z",
    );
    expect(parseLocalDateTime("2026-11-20 22:00", "America/New_York", "start").toISOString()).toBe(
      "2026-11-21T03:00:00.000Z",
    );
    expect(parseLocalDateTime("2026-11-20T21:00Z", "Europe/Berlin", "start").toISOString()).toBe(
      "2026-11-20T21:00:00.000Z",
    );
  });

  it("THEN anything else is refused with an example in their time zone", () => {
    expect(() => parseLocalDateTime("tomorrow", "Asia/Tokyo", "The planned start")).toThrow(
      'The planned start "tomorrow" is not a date and time. Write it like 2026-11-20 22:00 (your time zone, Asia/Tokyo).',
    );
    expect(() => parseLocalDateTime("2026-02-30 10:00", "UTC", "The planned end")).toThrow(
      "is not a date and time",
    );
  });
});

describe("GIVEN a planned window", () => {
  const now = new Date("2026-11-02T10:00:00Z");
  const window = (start: string, end: string) => ({ start: new Date(start), end: new Date(end) });

  it("THEN the end must follow the start, the window must not be past, and it must be plausible", () => {
    expect(() =>
      checkPlannedWindow(window("2026-11-05T10:00:00Z", "2026-11-05T09:00:00Z"), now, "UTC"),
    ).toThrow("The planned end (2026-11-05 09:00) must be after the planned start (2026-11-05 10:00).");
    expect(() =>
      checkPlannedWindow(window("2026-11-01T10:00:00Z", "2026-11-01T11:00:00Z"), now, "UTC"),
    ).toThrow("is in the past");
    expect(() =>
      checkPlannedWindow(window("2028-11-05T10:00:00Z", "2028-11-05T11:00:00Z"), now, "UTC"),
    ).toThrow("more than a year ahead");
    expect(() =>
      checkPlannedWindow(window("2026-11-05T10:00:00Z", "2026-12-05T11:00:00Z"), now, "UTC"),
    ).toThrow("longer than 14 days");
    const plausible = window("2026-11-05T10:00:00Z", "2026-11-05T11:00:00Z");
    expect(checkPlannedWindow(plausible, now, "UTC")).toBe(plausible);
    expect(plausible).toEqual(window("2026-11-05T10:00:00Z", "2026-11-05T11:00:00Z"));
  });

  it("THEN it is shown on the reader's wall clock with the zone named", () => {
    expect(
      formatWindow(new Date("2026-11-20T21:00:00Z"), new Date("2026-11-20T22:30:00Z"), "Europe/Berlin"),
    ).toBe("Fri 20 Nov 2026 22:00 – 23:30 (Europe/Berlin)");
    expect(
      formatWindow(new Date("2026-11-20T22:00:00Z"), new Date("2026-11-21T01:00:00Z"), "Europe/Berlin"),
    ).toBe("Fri 20 Nov 2026 23:00 – Sat 21 Nov 02:00 (Europe/Berlin)");
  });
});

describe("GIVEN the scheduled prompts at an instant", () => {
  const started = new Date("2026-11-02T10:00:00Z");
  const timing = { remindAfterMinutes: 60, reminderIntervalMinutes: 120 };
  const later = (minutes: number) => new Date(started.getTime() + minutes * 60_000);

  it("THEN reminders come after the wait and then once per interval", () => {
    expect([59, 60, 179, 180, 300].map((m) => reminderRound(started, later(m), timing))).toEqual([
      undefined,
      0,
      0,
      1,
      2,
    ]);
  });

  it("THEN 'starting soon' is due in the lead time only, and 'overrunning' from the window's end", () => {
    expect([-31, -30, -1, 0].map((m) => startingSoonDue(started, later(m), 30))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect([-1, 0, 10].map((m) => overrunningDue(started, later(m)))).toEqual([false, true, true]);
  });

  it("THEN the agenda is due from its local time, named by the local date", () => {
    expect(agendaDate(new Date("2026-11-04T07:59:00Z"), "09:00", "Europe/Berlin")).toBeUndefined();
    expect(agendaDate(new Date("2026-11-04T08:00:00Z"), "09:00", "Europe/Berlin")).toBe("2026-11-04");
    // 00:30 on the 5th in Berlin: the 5th's agenda is not due yet.
    expect(agendaDate(new Date("2026-11-04T23:30:00Z"), "09:00", "Europe/Berlin")).toBeUndefined();
    expect(agendaDate(new Date("2026-11-05T08:00:00Z"), "09:00", "Europe/Berlin")).toBe("2026-11-05");
  });
});
