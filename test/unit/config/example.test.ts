import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { loadConfigFile } from "../../../src/config/load.js";
import { calendarFor, policyFor } from "../../../src/kernel/sla/policy.js";

const EXAMPLE = new URL("../../../manifests/opsdesk.example.yaml", import.meta.url).pathname;

describe("GIVEN the example opsdesk.yaml shipped in manifests/", () => {
  it("THEN it loads without a single problem and is not mistaken for the defaults", async () => {
    const { usedDefaults } = await loadConfigFile(EXAMPLE);
    expect(usedDefaults).toBe(false);
  });

  it("THEN the business calendar keeps its split shift and holidays, and 24x7 is still there", async () => {
    const { config } = await loadConfigFile(EXAMPLE);
    const business = config.calendars.business;
    expect(business?.hours.mon.map(({ start, end }) => [start, end])).toEqual([
      ["08:30", "12:30"],
      ["13:30", "17:30"],
    ]);
    expect(business?.hours.sat).toEqual([]);
    expect(business?.holidays).toContain("2025-12-25");
    expect(config.calendars["24x7"]?.hours.sun).toEqual([
      { start: "00:00", end: "24:00", startMinute: 0, endMinute: 1440 },
    ]);
  });

  it("THEN group members are resolved to people, and undeclared chat accounts are kept as platform ids", async () => {
    const { config } = await loadConfigFile(EXAMPLE);
    const serviceDesk = config.groups.find((group) => group.id === "service-desk");
    expect(serviceDesk?.roles).toEqual(["agent"]);
    expect(serviceDesk?.members).toContainEqual({
      personId: "ada",
      name: "Ada Lovelace",
      slack: "U01ADA0001",
      discord: "310000000000000001",
    });
    expect(serviceDesk?.members).toContainEqual({
      personId: "slack:U01CONTRACT",
      name: "slack:U01CONTRACT",
      slack: "U01CONTRACT",
    });
    expect(config.groups.map((group) => group.id)).toEqual(
      expect.arrayContaining(["service-desk", "cab", "admins"]),
    );
  });

  it("THEN services keep their dependencies, and default channels fill in the console ones", async () => {
    const { config } = await loadConfigFile(EXAMPLE);
    expect(config.services.find((service) => service.id === "intranet")?.dependsOn).toEqual([
      "identity",
      "payments",
    ]);
    expect(config.channels.approvals.console).toBe("#approvals");
    expect(config.channels.incidents.slack).toBe("C01INCIDENT");
  });
});

describe("GIVEN the change management section of the example", () => {
  it("THEN approval rules, templates, blackouts and maintenance windows are resolved", async () => {
    const { config } = await loadConfigFile(EXAMPLE);
    expect(config.changes.normal).toEqual({ approvers: "cab", quorum: { kind: "count", value: 2 } });
    expect(config.changes.emergency.quorum).toEqual({ kind: "percent", value: 50 });
    expect(config.changes.templates[0]).toMatchObject({
      id: "cert-rotation",
      durationMinutes: 30,
      services: ["payments"],
    });
    // 18:00 on the desk's clock (Europe/London, GMT in December).
    expect(config.changes.blackouts[0]?.start.toISOString()).toBe("2025-12-19T18:00:00.000Z");
    expect(config.changes.maintenanceWindows.payments?.hours.sat).toEqual([["22:00", "24:00"]]);
    expect(config.changes).toMatchObject({
      remindAfterMinutes: 240,
      startingSoonMinutes: 30,
      agendaTime: "09:00",
    });
  });
});

describe("GIVEN the example's sla section", () => {
  it("THEN the payments P1 policy wins over the general one and escalation reaches the escalation channel", async () => {
    const { config } = await loadConfigFile(EXAMPLE);
    const payments = policyFor(config.sla, "P1", "payments");
    expect(payments.response.ms).toBe(10 * 60_000);
    expect(payments.priorityChange).toBe("restart");
    expect(payments.escalation.channel?.slack).toBe("C01ESCALATE");
    expect(policyFor(config.sla, "P3", null).resolution).toEqual({
      text: "PT24H",
      ms: 24 * 3_600_000,
      calendar: "business",
    });
    expect(config.sla.sweepIntervalMs).toBe(30_000);
    expect(config.groups.find((group) => group.id === "platform")?.lead).toBe("katherine");
    expect(config.services.find((service) => service.id === "payments")?.slaAlerts?.slack).toBe(
      "C01PAYSLA01",
    );
  });

  it("THEN the priorities it leaves to the built-in policies run where its comments say: P4 and P5 on business", async () => {
    const { config } = await loadConfigFile(EXAMPLE);
    const text = await readFile(EXAMPLE, "utf8");
    expect(text).toContain('P1 15m/4h and P2 30m/8h on the "24x7" calendar; P3 4h/24h, P4 8h/40h and');
    expect(text).toContain('# P5 16h/80h on the calendar named "business"');
    for (const priority of ["P4", "P5"] as const) {
      expect(calendarFor(config.sla, policyFor(config.sla, priority, null), "resolution", undefined)).toBe(
        "business",
      );
    }
    expect(calendarFor(config.sla, policyFor(config.sla, "P2", null), "response", undefined)).toBe("24x7");
  });
});
