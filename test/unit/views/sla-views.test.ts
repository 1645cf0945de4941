import { describe, expect, it } from "vitest";
import { renderCard as renderDiscordCard } from "../../../src/adapters/discord/render/index.js";
import { renderCard as renderSlackCard } from "../../../src/adapters/slack/render/index.js";
import type { SlaClockFigures } from "../../../src/kernel/sla/clock/index.js";
import { slaAlertCard, slaAlertHeadline } from "../../../src/practices/incidents/sla/views/alert-card.js";
import { slaClocksCard } from "../../../src/practices/incidents/sla/views/clocks-and-report.js";
import { slaLineText } from "../../../src/practices/incidents/sla/views/text.js";
import { anIncident } from "./incident-fixture.js";

const HOUR = 3_600_000;
const MINUTE = 60_000;

function aClock(overrides: Partial<SlaClockFigures> = {}): SlaClockFigures {
  return {
    kind: "resolution",
    cycle: 1,
    status: "running",
    stopReason: null,
    targetMs: 4 * HOUR,
    targetText: "4h",
    calendarId: "business",
    elapsedMs: 3 * HOUR,
    remainingMs: HOUR,
    percent: 75,
    dueAt: new Date("2025-03-04T13:00:00Z"),
    breached: false,
    ...overrides,
  };
}

describe("GIVEN the SLA line on a ticket card", () => {
  it("THEN it says per clock what is left, paused, met or breached", () => {
    expect(
      slaLineText([
        aClock({ kind: "response", status: "stopped", stopReason: "acknowledged" }),
        aClock({ remainingMs: 80 * MINUTE, percent: 66 }),
      ]),
    ).toBe("Response: met · Resolution: 1h 20m left (66 %)");
    expect(slaLineText([aClock({ status: "paused" })])).toBe("Resolution: paused, 1h left (75 %)");
    expect(slaLineText([aClock({ remainingMs: -25 * MINUTE, percent: 110, breached: true })])).toBe(
      "Resolution: 25m overdue (110 %)",
    );
    expect(slaLineText([aClock({ status: "stopped", stopReason: "resolved", breached: true })])).toBe(
      "Resolution: breached",
    );
  });
});

describe("GIVEN an SLA alert", () => {
  const incident = anIncident();

  it("THEN a warning names the ticket, the target and the time left, and carries the ticket's buttons", () => {
    const input = {
      incident,
      clock: aClock(),
      percent: 75,
      breach: false,
      actions: ["resolve", "hold"] as const,
      timezone: "Europe/Berlin",
    };
    expect(slaAlertHeadline(input)).toBe("SLA warning: INC-7 resolution is at 75 % of 4h, 1h left.");
    const card = slaAlertCard({ ...input, actions: [...input.actions] });
    expect(card.title).toBe("SLA warning · INC-7 resolution at 75 %");
    expect(card.badge).toEqual({ text: "75 % used", intent: "warning" });
    expect(card.fields).toContainEqual({ label: "Time left", value: "1h", inline: true });
    expect(card.fields).toContainEqual({
      label: "Due",
      value: "Tue 4 Mar, 14:00 CET",
      inline: true,
      at: new Date("2025-03-04T13:00:00Z"),
    });
    expect(card.actions.map((action) => action.id)).toEqual(["incident.resolve", "incident.hold"]);
  });

  it("THEN a breach says how long it is overdue", () => {
    const clock = aClock({ remainingMs: -10 * MINUTE, breached: true, percent: 104 });
    const input = { incident, clock, percent: 100, breach: true, actions: [], timezone: "UTC" };
    expect(slaAlertHeadline(input)).toBe("SLA breached: INC-7 resolution is 10m overdue (target 4h).");
    const card = slaAlertCard(input);
    expect(card.badge).toEqual({ text: "Breached", intent: "danger" });
    expect(card.fields).toContainEqual({ label: "Overdue by", value: "10m", inline: true });
  });
});

describe("GIVEN /sla show's card", () => {
  const card = slaClocksCard(
    anIncident(),
    [
      aClock({
        kind: "response",
        targetText: "30m",
        targetMs: 30 * MINUTE,
        status: "stopped",
        stopReason: "acknowledged",
        elapsedMs: 5 * MINUTE,
        remainingMs: 25 * MINUTE,
        percent: 16,
      }),
      aClock({ cycle: 1, status: "stopped", stopReason: "resolved" }),
      aClock({ cycle: 2, status: "paused", dueAt: null }),
    ],
    "America/New_York",
  );

  it("THEN every clock and cycle is listed with target, elapsed, remaining, percent and state", () => {
    expect(card.fields.map((field) => field.label)).toEqual([
      "Response",
      "Response due",
      "Resolution (cycle 1)",
      "Resolution (cycle 1) due",
      "Resolution (cycle 2)",
      "Resolution (cycle 2) due",
    ]);
    expect(card.fields[0]?.value).toBe(
      "Target 30m on business · elapsed 5m (16 %) · 25m left · stopped: met",
    );
    expect(card.fields[5]?.value).toBe("paused: no due time until work resumes");
  });

  it("THEN the due time is written in the viewer's zone and rendered in each reader's own zone by Slack and Discord", () => {
    expect(card.fields[1]?.value).toBe("Tue 4 Mar, 08:00 GMT-5");
    const slack = JSON.stringify(renderSlackCard(card).blocks);
    expect(slack).toContain(
      "*Response due*\\n<!date^1741093200^{date_short_pretty} at {time}|2025-03-04 13:00 UTC>",
    );
    const discord = renderDiscordCard(card).embeds[0]?.fields ?? [];
    expect(discord.find((field) => field.name === "Response due")?.value).toBe("<t:1741093200:f>");
  });
});

describe("GIVEN /sla show's card for clocks a priority change or a reopen produced", () => {
  const rules = slaClocksCard(
    anIncident(),
    [
      aClock({ kind: "response", rule: { kind: "started" } }),
      aClock({
        kind: "response",
        cycle: 2,
        rule: { kind: "restarted", from: "P4", to: "P3", policy: "P3 for payments" },
      }),
      aClock({ rule: { kind: "recomputed", from: "P3", to: "P1", policy: "P1" } }),
      aClock({ cycle: 2, rule: { kind: "newCycle", policy: "P3" } }),
      aClock({ cycle: 3, rule: { kind: "cumulative", policy: "P3 for payments" } }),
    ],
    "UTC",
  ).fields.filter((field) => !field.label.endsWith("due"));

  it("THEN each clock says which rule produced it and whose policy's mode decided", () => {
    expect(rules.map((field) => field.value.split(" · ").at(-1))).toEqual([
      "started with the incident",
      "restarted on the change from P4 to P3 (P3 for payments policy: priorityChange restart)",
      "recomputed from creation on the change from P3 to P1 (P1 policy: priorityChange recompute)",
      "new cycle from the reopen (P3 policy: reopen newCycle)",
      "cumulative: runs on after the reopen, the time resolved counted as paused (P3 for payments policy: reopen cumulative)",
    ]);
  });
});
