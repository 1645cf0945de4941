// Change management end to end, written once against a ChangeDriver and run on every platform. OpsDesk runs
// on the machine's real clock here, so every window is planned a number of days from today.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { runChangePrompts } from "../../../src/practices/changes/jobs/prompts.js";
import { blackout } from "../../support/desk-config.js";
import type { ChangeDriver } from "./driver.js";

const zone = "Europe/Berlin";

/** "yyyy-MM-dd HH:mm" on the desk's wall clock, `days` from today. */
function on(days: number, time: string): string {
  return `${DateTime.now().setZone(zone).plus({ days }).toFormat("yyyy-MM-dd")} ${time}`;
}

function refIn(text: string): string {
  const ref = /CHG-\d+/.exec(text)?.[0];
  if (!ref) throw new Error(`no change in: ${text}`);
  return ref;
}

async function statusOf(driver: ChangeDriver, ref: string): Promise<string | undefined> {
  const change = await driver.opsdesk.database.db.change.findUnique({
    where: { number: Number(ref.slice(4)) },
  });
  return change?.status;
}

/** A normal change requested by Ada (an agent), submitted and sent to the CAB (quorum 2). */
async function awaitingApproval(driver: ChangeDriver, day: number, title: string): Promise<string> {
  const ref = refIn(
    await driver.command(
      "new",
      { title, start: on(day, "22:00"), end: on(day, "23:00"), services: "identity" },
      "ada",
    ),
  );
  expect(await driver.command("submit", { ref }, "ada")).toContain(`${ref} is submitted.`);
  expect(await driver.command("authorize", { ref }, "ada")).toContain(`${ref} is sent to the approvers.`);
  return ref;
}

export function changeScenarios(driver: () => ChangeDriver): void {
  describe("WHEN a change is requested by text", () => {
    it("THEN it is created, the requester is answered privately and its card is posted with its buttons", async () => {
      const d = driver();
      const answer = await d.command(
        "new",
        {
          title: "Upgrade Postgres to 16",
          start: on(3, "22:00"),
          end: on(3, "23:30"),
          services: "payments",
          risk: "high",
        },
        "ada",
      );
      expect(answer).toMatch(/CHG-\d+ is requested: Upgrade Postgres to 16\. No conflicts found\./);
      const ref = refIn(answer);
      const card = d.message(ref, "card") ?? "";
      expect(card).toContain(`${ref} · Upgrade Postgres to 16`);
      expect(card).toContain("change.submit");
      expect(card).toContain("(Europe/Berlin)");
    });
  });

  describe("WHEN a change is requested with the form", () => {
    it("THEN the bare command opens it and submitting it creates the change", async () => {
      const d = driver();
      expect(await d.openCreateForm("otto")).toContain("change.new");
      const answer = await d.submitForm(
        "change.new",
        { title: "Rotate Kafka brokers", start: on(4, "21:00"), end: on(4, "22:00"), services: "identity" },
        "otto",
      );
      expect(answer).toMatch(/CHG-\d+ is requested: Rotate Kafka brokers\./);
    });
  });

  describe("WHEN the CAB votes with the prompt's buttons", () => {
    it("THEN self-approval is refused, the tally updates in place, the decision is announced and later votes are refused politely", async () => {
      const d = driver();
      const ref = await awaitingApproval(d, 5, "Replace the identity certificate");
      expect(d.message(ref, "approval")).toContain("Waiting: 0 of 2 approvals");

      expect(await d.click(ref, "approve", "ada", "approval")).toContain(
        `You requested ${ref}, so you cannot approve or reject it yourself.`,
      );
      expect(await d.click(ref, "approve", "rita", "approval")).toContain(
        `Only members of Change advisory board can approve or reject ${ref}.`,
      );
      expect(await d.click(ref, "approve", "otto", "approval")).toContain(
        `Your approval is recorded: ${ref} has 1 of 2 approvals.`,
      );
      expect(d.message(ref, "approval")).toContain("Waiting: 1 of 2 approvals");
      expect(await d.click(ref, "approve", "otto", "approval")).toContain(
        `You already voted to approve ${ref}; each approver has one vote.`,
      );
      expect(await d.click(ref, "approve", "carl", "approval")).toContain(
        `Your approval is recorded: ${ref} is approved.`,
      );

      const prompt = d.message(ref, "approval") ?? "";
      expect(prompt).toContain("Approved (2 of 2 approvals)");
      expect(prompt).not.toContain("change.approve");
      expect(d.directMessages("ada").join("\n")).toContain(
        `Your change ${ref} (Replace the identity certificate) is approved and scheduled.`,
      );
      // The prompt no longer offers buttons; a late voter can still type the vote (or click a stale copy).
      expect(await d.command("approve", { ref }, "cleo")).toContain(
        `Thanks, but ${ref} was already approved before your vote arrived. Your vote was not needed.`,
      );
      expect(await statusOf(d, ref)).toBe("scheduled");
    });

    it("THEN Reject asks for a reason, one rejection decides, and the requester is told why", async () => {
      const d = driver();
      const ref = await awaitingApproval(d, 6, "Move DNS to the new provider");
      expect(await d.click(ref, "reject", "cleo", "approval")).toContain("form:change.reject");
      expect(await d.submitForm("change.reject", { reason: "No backout plan" }, "cleo")).toContain(
        `Your rejection is recorded: ${ref} is rejected.`,
      );
      expect(d.message(ref, "approval")).toContain("Rejected");
      expect(d.directMessages("ada").join("\n")).toContain(
        `Your change ${ref} (Move DNS to the new provider) is rejected. Cleo CAB: "No backout plan"`,
      );
      expect(await statusOf(d, ref)).toBe("rejected");
    });
  });

  describe("WHEN an approved change is implemented", () => {
    it("THEN Start and Finish are buttons, cancel is refused once it started, and closing records the closure code", async () => {
      const d = driver();
      const ref = await awaitingApproval(d, 7, "Patch the identity hosts");
      await d.command("approve", { ref }, "otto");
      await d.command("approve", { ref }, "cleo");
      expect(await d.click(ref, "start", "ada", "card")).toContain(`Implementation of ${ref} has started.`);
      expect(await d.command("cancel", { ref, reason: "Too late" }, "ada")).toContain(
        "a change being implemented can no longer be cancelled",
      );
      expect(await d.click(ref, "finish", "ada", "card")).toContain(`Implementation of ${ref} is finished`);
      expect(
        await d.command("close", { ref, code: "successful", notes: "No errors after 30 minutes" }, "ada"),
      ).toContain(`${ref} is closed.`);
      const card = d.message(ref, "card") ?? "";
      expect(card).toContain("Successful");
      expect(await statusOf(d, ref)).toBe("closed");
    });

    it("THEN a step out of order is refused privately with what to do", async () => {
      const d = driver();
      const ref = refIn(
        await d.command("new", { title: "Early bird", start: on(8, "22:00"), end: on(8, "23:00") }, "ada"),
      );
      expect(await d.command("start", { ref }, "ada")).toContain(
        `${ref} is new, so you cannot start implementing it. Submit it first.`,
      );
      expect(await d.click(ref, "cancel", "ada", "card")).toContain("form:change.cancel");
      expect(await d.submitForm("change.cancel", { reason: "Vendor postponed" }, "ada")).toContain(
        `${ref} is cancelled.`,
      );
    });
  });

  describe("WHEN standard and emergency changes run", () => {
    it("THEN a standard change from its template is scheduled on submit without a vote", async () => {
      const d = driver();
      const ref = refIn(
        await d.command("new", { type: "standard", template: "cert-rotation", start: on(9, "06:00") }, "ada"),
      );
      expect(await d.click(ref, "submit", "ada", "card")).toContain(`${ref} is submitted.`);
      expect(await statusOf(d, ref)).toBe("scheduled");
      expect(d.message(ref, "approval")).toBeUndefined();
    });

    it("THEN a normal change in the blackout cannot go to the CAB, and an emergency change can, with the override recorded", async () => {
      const d = driver();
      const inside = blackout.start.plus({ days: 1 }).toFormat("yyyy-MM-dd");
      const normal = await d.command(
        "new",
        { title: "Frozen tweak", start: `${inside} 10:00`, end: `${inside} 11:00` },
        "ada",
      );
      expect(normal).toContain(`Inside the blackout "${blackout.name}"`);
      const normalRef = refIn(normal);
      await d.command("submit", { ref: normalRef }, "ada");
      expect(await d.command("authorize", { ref: normalRef }, "ada")).toContain(
        `${normalRef} cannot be sent for approval: its window overlaps the blackout "${blackout.name}"`,
      );

      const emergency = refIn(
        await d.command(
          "new",
          {
            type: "emergency",
            title: "Hotfix the login outage",
            start: `${inside} 12:00`,
            end: `${inside} 13:00`,
          },
          "ada",
        ),
      );
      expect(await d.click(emergency, "submit", "ada", "card")).toContain(`${emergency} is submitted.`);
      // The emergency CAB's quorum is 50% of its three eligible members, rounded up: two approvals.
      expect(await d.click(emergency, "approve", "carl", "approval")).toContain(
        `Your approval is recorded: ${emergency} has 1 of 2 approvals.`,
      );
      expect(await d.click(emergency, "approve", "cleo", "approval")).toContain(
        `Your approval is recorded: ${emergency} is approved.`,
      );
      expect(d.message(emergency, "approval")).toContain("Blackout override");
      expect(d.directMessages("ada").join("\n")).toContain("the override is recorded");
    });
  });

  describe("WHEN changes overlap", () => {
    it("THEN the conflict is shown on the result and on the approval prompt", async () => {
      const d = driver();
      const first = refIn(
        await d.command(
          "new",
          {
            title: "Identity DB failover test",
            start: on(10, "20:00"),
            end: on(10, "23:00"),
            services: "identity",
          },
          "ada",
        ),
      );
      const second = await d.command(
        "new",
        { title: "Identity patch", start: on(10, "22:00"), end: on(10, "23:30"), services: "identity" },
        "otto",
      );
      expect(second).toContain(`Overlaps ${first} (Identity DB failover test), which also changes Identity.`);
      const ref = refIn(second);
      await d.command("submit", { ref }, "otto");
      await d.command("authorize", { ref }, "otto");
      expect(d.message(ref, "approval")).toContain(`Overlaps ${first}`);
    });
  });

  describe("WHEN a change is rescheduled", () => {
    it("THEN the form opens with the current plan, and the answer shows the new window's conflicts", async () => {
      const d = driver();
      const blocker = refIn(
        await d.command(
          "new",
          { title: "Identity cert swap", start: on(12, "22:00"), end: on(12, "23:00"), services: "identity" },
          "ada",
        ),
      );
      const ref = refIn(
        await d.command(
          "new",
          { title: "Payments rollout", start: on(13, "22:00"), end: on(13, "23:00"), services: "payments" },
          "ada",
        ),
      );
      expect(await d.click(ref, "reschedule", "ada", "card")).toContain("form:change.reschedule");
      const answer = await d.submitForm(
        "change.reschedule",
        { start: on(12, "22:30"), end: on(12, "23:30"), services: "payments" },
        "ada",
      );
      expect(answer).toContain(`${ref} is rescheduled to`);
      expect(answer).toContain(
        `Overlaps ${blocker} (Identity cert swap), which changes Identity, which Payments API depends on.`,
      );
    });
  });

  describe("WHEN the input is wrong", () => {
    it("THEN each mistake gets its own private message and nothing is written", async () => {
      const d = driver();
      const before = await d.opsdesk.database.db.change.count();
      const cases: [Record<string, string>, string][] = [
        [
          { title: "Backwards", start: on(11, "22:00"), end: on(11, "21:00") },
          `The planned end (${on(11, "21:00")}) must be after the planned start (${on(11, "22:00")}).`,
        ],
        [
          { title: "Yesterday", start: on(-2, "22:00"), end: on(-2, "23:00") },
          "is in the past. Plan the change from now on.",
        ],
        [
          { title: "Typo", start: on(11, "22:00"), end: on(11, "23:00"), services: "paymnts" },
          'There is no service "paymnts". Known services: identity, payments.',
        ],
        [
          { title: "x".repeat(151), start: on(11, "22:00"), end: on(11, "23:00") },
          "title is too long: 151 characters, the limit is 150",
        ],
        [
          { title: "Someday", start: "next friday", end: on(11, "23:00") },
          'The planned start "next friday" is not a date and time.',
        ],
      ];
      for (const [args, message] of cases) expect(await d.command("new", args, "ada")).toContain(message);
      expect(await d.command("show", { ref: "CHG-99999" }, "ada")).toContain(
        "There is no CHG-99999. Check the number with /change list.",
      );
      expect(
        await d.command(
          "new",
          { title: "Not allowed", start: on(11, "22:00"), end: on(11, "23:00") },
          "rita",
        ),
      ).toContain(
        "Only agents and CAB members can request changes. Ask the service desk to raise it for you.",
      );
      expect(await d.opsdesk.database.db.change.count()).toBe(before);
    });
  });

  describe("WHEN the scheduled prompts run", () => {
    it("THEN approvers who have not voted are mentioned once per interval, and the CAB agenda is posted once a day", async () => {
      const d = driver();
      const ref = await awaitingApproval(d, 14, "Renew the identity signing key");
      await d.command("approve", { ref }, "otto");
      // The desk delivers on the real clock, so the change is made to have waited the 4 hours after which
      // the test desk reminds (then at most every 4 hours).
      const number = Number(ref.slice(4));
      await d.opsdesk.database.db.$transaction((tx) =>
        tx.change.update({
          where: { number },
          data: { authorizeStartedAt: new Date(Date.now() - 4 * 3_600_000 - 60_000) },
        }),
      );
      const deps = { db: d.opsdesk.database.db, config: d.opsdesk.config, platforms: [d.platform] };
      const reminders = () => d.approvalsChannel().filter((text) => text.includes(`Reminder: ${ref}`));
      await runChangePrompts(deps, new Date());
      await runChangePrompts(deps, new Date());
      await d.settle();
      expect(reminders()).toHaveLength(1);
      const [reminder = ""] = reminders();
      expect(reminder).toContain(d.mention("carl"));
      expect(reminder).toContain(d.mention("cleo"));
      expect(reminder).not.toContain(d.mention("otto"));
      expect(reminder).toContain("1 of 2 approvals so far");

      // The test desk's agenda time is 00:00, so today's agenda is due: posted once, whether by the runs
      // above or by the desk's own scheduler ticking on the real clock (which may have posted it before this
      // change existed; what the agenda lists at a given instant is tested with an injected clock in
      // test/integration/changes).
      const agendas = d.approvalsChannel().filter((text) => text.includes("CAB agenda"));
      expect(agendas).toHaveLength(1);
    });
  });

  describe("WHEN someone looks at the changes", () => {
    it("THEN list, show and the calendar answer privately in their time zone", async () => {
      const d = driver();
      const ref = refIn(
        await d.command(
          "new",
          { title: "Calendar entry", start: on(2, "22:00"), end: on(2, "23:00") },
          "ada",
        ),
      );
      expect(await d.command("list", { scope: "open" }, "ada")).toContain(ref);
      expect(await d.command("calendar", { period: "7d" }, "ada")).toContain(ref);
      expect(await d.command("show", { ref }, "ada")).toContain("Calendar entry");
    });
  });
}
