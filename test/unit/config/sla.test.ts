import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/defaults.js";
import { parseConfig } from "../../../src/config/parse.js";
import { calendarFor, policyFor } from "../../../src/kernel/sla/policy.js";
import { problemsOf, yaml } from "./problems-of.js";

const HOUR = 3_600_000;
const MINUTE = 60_000;

describe("GIVEN no sla section", () => {
  const { sla } = defaultConfig();

  it("THEN every priority has ITIL-like targets, P1/P2 round the clock and P3-P5 on business hours", () => {
    expect(policyFor(sla, "P1", null).response.ms).toBe(15 * MINUTE);
    expect(policyFor(sla, "P1", null).resolution.ms).toBe(4 * HOUR);
    expect(policyFor(sla, "P4", null).resolution.ms).toBe(40 * HOUR);
    expect(calendarFor(sla, policyFor(sla, "P1", null), "resolution", undefined)).toBe("24x7");
    expect(calendarFor(sla, policyFor(sla, "P3", null), "response", undefined)).toBe("business");
  });

  it("THEN warnings are at 50/75/90 %, every hold reason pauses, recompute and newCycle apply, sweeps every 30 s", () => {
    const policy = policyFor(sla, "P2", null);
    expect(policy.thresholds).toEqual([50, 75, 90]);
    expect(policy.pauseOn).toEqual(["awaiting_caller", "awaiting_vendor", "awaiting_change"]);
    expect(policy.priorityChange).toBe("recompute");
    expect(policy.reopen).toBe("newCycle");
    expect(sla.sweepIntervalMs).toBe(30_000);
  });

  it("THEN a service's calendar is used when the policy names none", () => {
    expect(calendarFor(sla, policyFor(sla, "P1", "payments"), "response", "extended")).toBe("extended");
  });
});

describe("GIVEN an sla section", () => {
  const config = parseConfig(
    yaml(
      "calendars:",
      "  business: { hours: { mon: [['09:00', '17:00']] } }",
      "services:",
      "  - { id: payments, name: Payments }",
      "sla:",
      "  sweepInterval: 5s",
      "  thresholds: [80, 50]",
      "  pauseOn: [awaiting_caller]",
      "  policies:",
      "    - priority: P1",
      "      calendar: 24x7",
      "      response: PT10M",
      "      resolution: { target: 2h, calendar: business }",
      "    - priority: P1",
      "      service: payments",
      "      response: 5m",
      "      resolution: 1h",
      "      priorityChange: restart",
      "      reopen: cumulative",
      "      escalation: { groupLead: false, channel: { slack: C0ESCALATE } }",
    ),
    "opsdesk.yaml",
  );
  const { sla } = config;

  it("THEN targets accept compact and ISO durations, with a calendar per target", () => {
    const p1 = policyFor(sla, "P1", null);
    expect(p1.response).toEqual({ text: "PT10M", ms: 10 * MINUTE, calendar: "24x7" });
    expect(p1.resolution).toEqual({ text: "2h", ms: 2 * HOUR, calendar: "business" });
    expect(sla.sweepIntervalMs).toBe(5_000);
    expect(sla.sweepInterval).toBe("5s");
  });

  it("THEN the service's own policy wins and top-level settings flow into policies that do not override them", () => {
    const payments = policyFor(sla, "P1", "payments");
    expect(payments.response.ms).toBe(5 * MINUTE);
    expect(payments.priorityChange).toBe("restart");
    expect(payments.reopen).toBe("cumulative");
    expect(payments.escalation).toEqual({ groupLead: false, channel: { slack: "C0ESCALATE" } });
    expect(payments.thresholds).toEqual([50, 80]);
    expect(payments.pauseOn).toEqual(["awaiting_caller"]);
    expect(policyFor(sla, "P1", "other").response.ms).toBe(10 * MINUTE);
  });

  it("THEN priorities the file leaves out keep the built-in targets with the file's settings", () => {
    const p3 = policyFor(sla, "P3", null);
    expect(p3.resolution.ms).toBe(24 * HOUR);
    expect(p3.pauseOn).toEqual(["awaiting_caller"]);
  });
});

describe("GIVEN mistakes in the sla section", () => {
  it("THEN business days are refused with the reason and what to write instead", () => {
    const problems = problemsOf(
      yaml("sla:", "  policies:", "    - priority: P3", "      response: 1d", "      resolution: 3d"),
    );
    expect(problems[0]).toMatch(/^opsdesk.yaml:4:17 sla.policies\[0\].response: "1d" counts days/);
    expect(problems[0]).toContain("Write the target in hours instead");
    expect(problems[1]).toMatch(/^opsdesk.yaml:5:19 sla.policies\[0\].resolution: "3d" counts days/);
  });

  it("THEN unknown calendars and services are named with the declared ones", () => {
    const problems = problemsOf(
      yaml(
        "services:",
        "  - { id: payments, name: Payments }",
        "sla:",
        "  policies:",
        "    - { priority: P1, service: paymnts, calendar: nights, response: 15m, resolution: 4h }",
      ),
    );
    expect(problems).toEqual([
      'opsdesk.yaml:5:32 sla.policies[0].service: no service "paymnts" in services; did you mean "payments"?',
      'opsdesk.yaml:5:51 sla.policies[0].calendar: no calendar "nights" in calendars; declared calendars are "24x7", "business"',
    ]);
  });

  it("THEN a misspelt key inside a target is named with a suggestion", () => {
    const problems = problemsOf(
      yaml(
        "sla:",
        "  policies:",
        "    - priority: P1",
        "      response: { taget: 15m }",
        "      resolution: 4h",
      ),
    );
    expect(problems).toEqual([
      'opsdesk.yaml:4:17 sla.policies[0].response.target: missing; expected a duration like "15m", "4h", "40h" or "PT4H"',
      'opsdesk.yaml:4:26 sla.policies[0].response.taget: unknown key; did you mean "target"?',
    ]);
  });

  it("THEN two policies for the same priority and service are refused at the second", () => {
    const problems = problemsOf(
      yaml(
        "sla:",
        "  policies:",
        "    - { priority: P2, response: 30m, resolution: 8h }",
        "    - { priority: P2, response: 1h, resolution: 8h }",
      ),
    );
    expect(problems).toEqual([
      "opsdesk.yaml:4:19 sla.policies[1].priority: a policy for P2 is already declared at sla.policies[0]; keep one policy per priority and service",
    ]);
  });

  it("THEN thresholds outside 1-99, bad modes and a silly sweep interval are each explained", () => {
    const problems = problemsOf(
      yaml("sla:", "  sweepInterval: 7s", "  thresholds: [50, 100]", "  priorityChange: recalc"),
    );
    expect(problems).toEqual([
      "opsdesk.yaml:2:18 sla.sweepInterval: 7s does not divide a minute evenly; use one of 1s, 2s, 3s, 4s, 5s, 6s, 10s, 12s, 15s, 20s, 30s, 60s",
      "opsdesk.yaml:3:20 sla.thresholds[1]: expected a percentage between 1 and 99, got 100; the breach itself (100 %) is always alerted",
      'opsdesk.yaml:4:19 sla.priorityChange: expected one of recompute, restart, got "recalc"',
    ]);
  });

  it("THEN a group lead must be a declared person", () => {
    expect(
      problemsOf(
        yaml("people:", "  - { id: ada, name: Ada }", "groups:", "  - { id: desk, name: Desk, lead: adda }"),
      ),
    ).toEqual(['opsdesk.yaml:4:35 groups[0].lead: no person "adda" in people; did you mean "ada"?']);
  });
});

describe("GIVEN calendars declared without one named business", () => {
  const office = [
    "calendars:",
    "  office:",
    "    hours: { mon: [['09:00', '17:00']], fri: [['09:00', '17:00']] }",
  ];

  it("THEN leaning on the built-in P3-P5 policies is refused at the calendars key, naming both fixes", () => {
    expect(problemsOf(yaml(...office))).toEqual([
      'opsdesk.yaml:1:1 calendars: no calendar is named "business", which the built-in P3, P4 and P5 policies run on (P1 and P2 run on 24x7); declare a calendar named business, or declare sla.policies for P3, P4 and P5 that name a calendar, like { priority: P3, calendar: office, response: 4h, resolution: 24h }',
    ]);
  });

  it("THEN a declared policy that names no calendar is refused where it is written, at the target when only one lacks a calendar", () => {
    const problems = problemsOf(
      yaml(
        ...office,
        "sla:",
        "  policies:",
        "    - { priority: P3, response: 4h, resolution: 24h }",
        "    - { priority: P4, response: { target: 8h, calendar: office }, resolution: 40h }",
        "    - { priority: P5, calendar: office, response: 16h, resolution: 80h }",
      ),
    );
    expect(problems).toEqual([
      'opsdesk.yaml:6:7 sla.policies[0]: this P3 policy names no calendar, so it would run on "business", the default for P3, which calendars does not declare; add calendar: office (or another declared calendar) to the policy, or declare a calendar named business',
      'opsdesk.yaml:7:79 sla.policies[1].resolution: the resolution target of this P4 policy names no calendar, so it would run on "business", the default for P4, which calendars does not declare; add calendar: office (or another declared calendar) to the policy, or declare a calendar named business',
    ]);
  });

  it("THEN a service policy may lean on its service's calendar, but not on a service without one", () => {
    const problems = problemsOf(
      yaml(
        ...office,
        "services:",
        "  - { id: web, name: Website, calendar: office }",
        "  - { id: db, name: Database }",
        "sla:",
        "  policies:",
        "    - { priority: P3, calendar: office, response: 4h, resolution: 24h }",
        "    - { priority: P4, calendar: 24x7, response: 8h, resolution: 40h }",
        "    - { priority: P5, calendar: office, response: 16h, resolution: 80h }",
        "    - { priority: P3, service: web, response: 2h, resolution: 8h }",
        "    - { priority: P3, service: db, response: 2h, resolution: 8h }",
      ),
    );
    expect(problems).toEqual([
      'opsdesk.yaml:13:7 sla.policies[4]: this P3 policy names no calendar and the service db names none, so it would run on "business", the default for P3, which calendars does not declare; add calendar: office (or another declared calendar) to the policy, or declare a calendar named business',
    ]);
  });

  it("THEN P3-P5 naming their calendars load, and P1/P2 keep 24x7 without a business calendar", () => {
    const { sla } = parseConfig(
      yaml(
        ...office,
        "sla:",
        "  policies:",
        "    - { priority: P3, calendar: office, response: 4h, resolution: 24h }",
        "    - { priority: P4, calendar: office, response: 8h, resolution: 40h }",
        "    - { priority: P5, calendar: office, response: 16h, resolution: 80h }",
      ),
      "opsdesk.yaml",
    );
    expect(calendarFor(sla, policyFor(sla, "P3", null), "resolution", undefined)).toBe("office");
    expect(calendarFor(sla, policyFor(sla, "P1", null), "resolution", undefined)).toBe("24x7");
  });

  it("THEN declaring no calendars at all keeps the built-in business calendar the defaults run on", () => {
    const config = parseConfig(yaml("timezone: Europe/Berlin"), "opsdesk.yaml");
    expect(Object.keys(config.calendars).sort()).toEqual(["24x7", "business"]);
    expect(config.sla.defaultCalendars).toEqual({
      P1: "24x7",
      P2: "24x7",
      P3: "business",
      P4: "business",
      P5: "business",
    });
  });
});
