import { describe, expect, it } from "vitest";
import { type ConflictRules, findConflicts } from "../../../src/practices/changes/conflicts.js";

const rules: ConflictRules = {
  // payments → identity → database
  dependencies: { payments: ["identity"], identity: ["database"], database: [], reporting: [] },
  maintenanceWindows: {
    reporting: {
      timezone: "Europe/Berlin",
      hours: { sat: [["22:00", "24:00"]], sun: [["00:00", "06:00"]] },
      holidays: [],
    },
  },
  blackouts: [
    { name: "Freeze", start: new Date("2026-12-20T00:00:00Z"), end: new Date("2026-12-27T00:00:00Z") },
  ],
};

const at = (start: string, end: string, serviceIds: string[]) => ({
  plannedStart: new Date(start),
  plannedEnd: new Date(end),
  serviceIds,
});

const other = {
  id: 7,
  ref: "CHG-7",
  title: "Identity upgrade",
  ...at("2026-11-20T20:00:00Z", "2026-11-20T22:00:00Z", ["identity"]),
};

describe("GIVEN another active change", () => {
  it("THEN overlapping windows on related services conflict, through dependencies in either direction", () => {
    expect(
      findConflicts(at("2026-11-20T21:00:00Z", "2026-11-20T23:00:00Z", ["identity"]), [other], rules),
    ).toEqual([expect.objectContaining({ kind: "overlap", ref: "CHG-7", relation: "same" })]);
    expect(
      findConflicts(at("2026-11-20T21:00:00Z", "2026-11-20T23:00:00Z", ["payments"]), [other], rules),
    ).toEqual([
      expect.objectContaining({ relation: "depends_on", serviceId: "payments", otherServiceId: "identity" }),
    ]);
    expect(
      findConflicts(at("2026-11-20T21:00:00Z", "2026-11-20T23:00:00Z", ["database"]), [other], rules),
    ).toEqual([
      expect.objectContaining({
        relation: "dependency_of",
        serviceId: "database",
        otherServiceId: "identity",
      }),
    ]);
  });

  it("THEN windows that only touch, unrelated services, or the change itself do not conflict", () => {
    expect(
      findConflicts(at("2026-11-20T22:00:00Z", "2026-11-20T23:00:00Z", ["identity"]), [other], rules),
    ).toEqual([]);
    expect(
      findConflicts(at("2026-11-20T21:00:00Z", "2026-11-20T23:00:00Z", ["reporting"]), [other], rules),
    ).toEqual([{ kind: "outside_maintenance", serviceId: "reporting" }]);
    expect(findConflicts({ ...other, id: 7 }, [other], rules)).toEqual([]);
  });
});

describe("GIVEN maintenance windows and blackouts", () => {
  it("THEN a window wholly inside the maintenance window passes, even across midnight", () => {
    // Saturday 23:00 to Sunday 01:00 in Berlin.
    expect(
      findConflicts(at("2026-11-21T22:00:00Z", "2026-11-22T00:00:00Z", ["reporting"]), [], rules),
    ).toEqual([]);
  });

  it("THEN a window that runs past the maintenance window is outside it", () => {
    expect(
      findConflicts(at("2026-11-22T04:00:00Z", "2026-11-22T06:00:00Z", ["reporting"]), [], rules),
    ).toEqual([{ kind: "outside_maintenance", serviceId: "reporting" }]);
  });

  it("THEN any overlap with a blackout is reported with its name", () => {
    expect(findConflicts(at("2026-12-19T23:00:00Z", "2026-12-20T01:00:00Z", []), [], rules)).toEqual([
      expect.objectContaining({ kind: "blackout", name: "Freeze" }),
    ]);
  });
});
