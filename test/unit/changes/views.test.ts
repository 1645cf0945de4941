import { describe, expect, it } from "vitest";
import { renderForm as renderDiscordForm } from "../../../src/adapters/discord/render/index.js";
import { renderCard as renderSlackCard } from "../../../src/adapters/slack/render/index.js";
import { approvalPrompt, changeCard } from "../../../src/practices/changes/views/card.js";
import { conflictLines } from "../../../src/practices/changes/views/conflicts.js";
import { changeCreateForm } from "../../../src/practices/changes/views/forms.js";
import { changeFixture } from "./fixture.js";

const timezone = "Europe/Berlin";
const names = (id: string) => ({ payments: "Payments API", identity: "Identity" })[id] ?? id;

describe("GIVEN a change waiting for its approvers", () => {
  const change = changeFixture({
    status: "authorize",
    quorum: 2,
    votes: [
      { person: { id: "otto", displayName: "Otto" }, decision: "approve", reason: null, at: new Date() },
    ],
  });
  const conflicts = conflictLines(
    [
      {
        kind: "overlap",
        ref: "CHG-7",
        title: "Identity upgrade",
        serviceId: "payments",
        otherServiceId: "identity",
        relation: "depends_on",
      },
    ],
    names,
    timezone,
  );
  const prompt = approvalPrompt(change, {
    timezone,
    conflicts,
    approvers: "Change advisory board",
    tally: { approvals: 1, rejections: 0, needed: 2 },
  });

  it("THEN the prompt shows what the CAB decides on, the tally, the conflicts and Approve / Reject", () => {
    const fields = Object.fromEntries(prompt.fields.map((field) => [field.label, field.value]));
    expect(prompt.title).toBe("Approval needed · CHG-12 · Upgrade Postgres");
    expect(fields).toMatchObject({
      Risk: "Medium",
      Window: "Fri 20 Nov 2026 22:00 – 23:30 (Europe/Berlin)",
      Services: "Payments API",
      Tally: "Waiting: 1 of 2 approvals",
      Votes: "✅ Otto",
      Conflicts:
        "• Overlaps CHG-7 (Identity upgrade), which changes Identity, which Payments API depends on.",
    });
    expect(prompt.actions.map((action) => [action.id, action.value, action.requiresInput])).toEqual([
      ["change.approve", "CHG-12", undefined],
      ["change.reject", "CHG-12", "change.reject"],
    ]);
  });

  it("THEN once decided the prompt keeps the outcome and loses its buttons", () => {
    const decided = approvalPrompt(
      { ...change, status: "scheduled", decision: "approved" },
      { timezone, conflicts: [], approvers: "CAB", tally: { approvals: 2, rejections: 0, needed: 2 } },
    );
    expect(decided.badge).toEqual({ text: "Approved", intent: "success" });
    expect(decided.fields.find((field) => field.label === "Tally")?.value).toBe(
      "Approved (2 of 2 approvals)",
    );
    expect(decided.actions).toEqual([]);
  });

  it("THEN it renders as Block Kit with both buttons", () => {
    const message = JSON.stringify(renderSlackCard(prompt));
    expect(message).toContain('"action_id":"change.approve"');
    expect(message).toContain('"action_id":"change.reject"');
  });
});

describe("GIVEN the change card", () => {
  it("THEN it shows the buttons it is given and the closure once closed", () => {
    const card = changeCard(changeFixture({ status: "scheduled" }), ["start", "reschedule", "cancel"], {
      timezone,
      conflicts: [],
    });
    expect(card.actions.map((action) => action.label)).toEqual([
      "Start implementation",
      "Reschedule",
      "Cancel",
    ]);
    const closed = changeCard(
      changeFixture({ status: "closed", closureCode: "overran", closureNotes: "Took 2h" }),
      [],
      {
        timezone,
        conflicts: [],
      },
    );
    expect(closed.fields).toContainEqual({ label: "Closure", value: "Overran the window" });
    expect(closed.fields).toContainEqual({ label: "Review notes", value: "Took 2h" });
  });
});

describe("GIVEN the request-for-change form", () => {
  const form = changeCreateForm({ services: [{ id: "payments", name: "Payments API" }], timezone });

  it("THEN title and window are required and the person is told their time zone", () => {
    expect(form.intro).toBe("Dates are in your time zone (Europe/Berlin).");
    expect(form.fields.filter((field) => field.required).map((field) => field.id)).toEqual([
      "title",
      "start",
      "end",
    ]);
  });

  it("THEN a Discord modal (five fields at most) keeps title, window, services and type", () => {
    const rendered = renderDiscordForm(form);
    expect(rendered.dropped).toEqual(["risk", "impact", "description", "plan", "backout", "test"]);
  });
});
