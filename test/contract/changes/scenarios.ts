// Change management end to end, written once against the ChatDriver (../driver.ts) and run on every platform
// mode. OpsDesk runs on the machine's real clock here, so every window is planned a number of days from
// today. Changes are requested in the approvals channel, and every step settles the outbox before the
// scenario reads what was posted.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { runChangePrompts } from "../../../src/practices/changes/jobs/prompts.js";
import { blackout } from "../../support/desk-config.js";
import { hostileLine } from "../../support/hostile-text.js";
import type { Answer, ChatDriver, OpenForm, Person, PostedKind } from "../driver.js";

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

/** `/change <subcommand> …` typed by `as` in the approvals channel; the private answer's text. */
async function command(
  d: ChatDriver,
  subcommand: string,
  args: Readonly<Record<string, string>>,
  as: Person,
): Promise<string> {
  const answer = await d.run(as, { command: "change", subcommand, args, channel: "approvals" });
  await d.settle();
  return answer.text;
}

/** Clicks a button on the change's card or approval prompt; settles, and answers what the person saw. */
async function click(
  d: ChatDriver,
  ref: string,
  label: string,
  as: Person,
  which: PostedKind,
): Promise<Answer> {
  const answer = await d.click(as, ref, label, which);
  await d.settle();
  return answer;
}

function formIn(answer: Answer): OpenForm {
  if (!answer.form) throw new Error(`expected a form, got: ${answer.text}`);
  return answer.form;
}

async function submit(
  d: ChatDriver,
  form: OpenForm,
  values: Readonly<Record<string, string>>,
  as: Person,
): Promise<string> {
  const answer = await d.submit(as, form, values);
  await d.settle();
  return answer.text;
}

/** Everything the card (or prompt) shows: title, fields, body, and the buttons' labels. */
async function shown(d: ChatDriver, ref: string, which: PostedKind): Promise<string> {
  const card = await d.card(ref, which);
  return `${card.text}\n${card.buttons.join("\n")}`;
}

async function statusOf(driver: ChatDriver, ref: string): Promise<string | undefined> {
  const change = await driver.opsdesk.database.db.change.findUnique({
    where: { number: Number(ref.slice(4)) },
  });
  return change?.status;
}

/** A normal change requested by Ada (an agent), submitted and sent to the CAB (quorum 2). */
async function awaitingApproval(driver: ChatDriver, day: number, title: string): Promise<string> {
  const ref = refIn(
    await command(
      driver,
      "new",
      { title, start: on(day, "22:00"), end: on(day, "23:00"), services: "identity" },
      "ada",
    ),
  );
  expect(await command(driver, "submit", { ref }, "ada")).toContain(`${ref} is submitted.`);
  expect(await command(driver, "authorize", { ref }, "ada")).toContain(`${ref} is sent to the approvers.`);
  return ref;
}

export function changeScenarios(driver: () => ChatDriver): void {
  describe("WHEN a change is requested by text", () => {
    it("THEN it is created, the requester is answered privately and its card is posted with its buttons", async () => {
      const d = driver();
      const answer = await command(
        d,
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
      const card = await d.card(ref);
      expect(card.title).toBe(`${ref} · Upgrade Postgres to 16`);
      expect(card.buttons).toContain("Submit");
      expect(card.text).toContain("(Europe/Berlin)");
    });
  });

  describe("WHEN a change is requested with the form", () => {
    it("THEN the bare command opens it and submitting it creates the change", async () => {
      const d = driver();
      const form = formIn(await d.openCreateForm("otto", "change"));
      expect(form.id).toBe("change.new");
      const answer = await submit(
        d,
        form,
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
      expect(await shown(d, ref, "approval prompt")).toContain("Waiting: 0 of 2 approvals");

      expect((await click(d, ref, "Approve", "ada", "approval prompt")).text).toContain(
        `You requested ${ref}, so you cannot approve or reject it yourself.`,
      );
      expect((await click(d, ref, "Approve", "rita", "approval prompt")).text).toContain(
        `Only members of Change advisory board can approve or reject ${ref}.`,
      );
      expect((await click(d, ref, "Approve", "otto", "approval prompt")).text).toContain(
        `Your approval is recorded: ${ref} has 1 of 2 approvals.`,
      );
      expect(await shown(d, ref, "approval prompt")).toContain("Waiting: 1 of 2 approvals");
      expect((await click(d, ref, "Approve", "otto", "approval prompt")).text).toContain(
        `You already voted to approve ${ref}; each approver has one vote.`,
      );
      expect((await click(d, ref, "Approve", "carl", "approval prompt")).text).toContain(
        `Your approval is recorded: ${ref} is approved.`,
      );

      const prompt = await d.card(ref, "approval prompt");
      expect(prompt.text).toContain("Approved (2 of 2 approvals)");
      expect(prompt.buttons).toEqual([]);
      expect((await d.directMessages("ada")).join("\n")).toContain(
        `Your change ${ref} (Replace the identity certificate) is approved and scheduled.`,
      );
      // The prompt no longer offers buttons; a late voter can still type the vote (or click a stale copy).
      expect(await command(d, "approve", { ref }, "cleo")).toContain(
        `Thanks, but ${ref} was already approved before your vote arrived. Your vote was not needed.`,
      );
      expect(await statusOf(d, ref)).toBe("scheduled");
    });

    it("THEN Reject asks for a reason, one rejection decides, and the requester is told why", async () => {
      const d = driver();
      const ref = await awaitingApproval(d, 6, "Move DNS to the new provider");
      const form = formIn(await click(d, ref, "Reject", "cleo", "approval prompt"));
      expect(form.id).toBe("change.reject");
      expect(await submit(d, form, { reason: "No backout plan" }, "cleo")).toContain(
        `Your rejection is recorded: ${ref} is rejected.`,
      );
      expect(await shown(d, ref, "approval prompt")).toContain("Rejected");
      expect((await d.directMessages("ada")).join("\n")).toContain(
        `Your change ${ref} (Move DNS to the new provider) is rejected. Cleo CAB: "No backout plan"`,
      );
      expect(await statusOf(d, ref)).toBe("rejected");
    });
  });

  describe("WHEN an approved change is implemented", () => {
    it("THEN Start and Finish are buttons, cancel is refused once it started, and closing records the closure code", async () => {
      const d = driver();
      const ref = await awaitingApproval(d, 7, "Patch the identity hosts");
      await command(d, "approve", { ref }, "otto");
      await command(d, "approve", { ref }, "cleo");
      expect((await click(d, ref, "Start implementation", "ada", "card")).text).toContain(
        `Implementation of ${ref} has started.`,
      );
      expect(await command(d, "cancel", { ref, reason: "Too late" }, "ada")).toContain(
        "a change being implemented can no longer be cancelled",
      );
      expect((await click(d, ref, "Finish implementation", "ada", "card")).text).toContain(
        `Implementation of ${ref} is finished`,
      );
      expect(
        await command(d, "close", { ref, code: "successful", notes: "No errors after 30 minutes" }, "ada"),
      ).toContain(`${ref} is closed.`);
      expect((await d.card(ref)).text).toContain("Successful");
      expect(await statusOf(d, ref)).toBe("closed");
    });

    it("THEN a step out of order is refused privately with what to do", async () => {
      const d = driver();
      const ref = refIn(
        await command(d, "new", { title: "Early bird", start: on(8, "22:00"), end: on(8, "23:00") }, "ada"),
      );
      expect(await command(d, "start", { ref }, "ada")).toContain(
        `${ref} is new, so you cannot start implementing it. Submit it first.`,
      );
      const form = formIn(await click(d, ref, "Cancel", "ada", "card"));
      expect(form.id).toBe("change.cancel");
      expect(await submit(d, form, { reason: "Vendor postponed" }, "ada")).toContain(`${ref} is cancelled.`);
    });
  });

  describe("WHEN standard and emergency changes run", () => {
    it("THEN a standard change from its template is scheduled on submit without a vote", async () => {
      const d = driver();
      const ref = refIn(
        await command(
          d,
          "new",
          { type: "standard", template: "cert-rotation", start: on(9, "06:00") },
          "ada",
        ),
      );
      expect((await click(d, ref, "Submit", "ada", "card")).text).toContain(`${ref} is submitted.`);
      expect(await statusOf(d, ref)).toBe("scheduled");
      expect(await d.cardsPosted(ref, "approval prompt")).toBe(0);
    });

    it("THEN a normal change in the blackout cannot go to the CAB, and an emergency change can, with the override recorded", async () => {
      const d = driver();
      const inside = blackout.start.plus({ days: 1 }).toFormat("yyyy-MM-dd");
      const normal = await command(
        d,
        "new",
        { title: "Frozen tweak", start: `${inside} 10:00`, end: `${inside} 11:00` },
        "ada",
      );
      expect(normal).toContain(`Inside the blackout "${blackout.name}"`);
      const normalRef = refIn(normal);
      await command(d, "submit", { ref: normalRef }, "ada");
      expect(await command(d, "authorize", { ref: normalRef }, "ada")).toContain(
        `${normalRef} cannot be sent for approval: its window overlaps the blackout "${blackout.name}"`,
      );

      const emergency = refIn(
        await command(
          d,
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
      expect((await click(d, emergency, "Submit", "ada", "card")).text).toContain(
        `${emergency} is submitted.`,
      );
      // The emergency CAB's quorum is 50% of its three eligible members, rounded up: two approvals.
      expect((await click(d, emergency, "Approve", "carl", "approval prompt")).text).toContain(
        `Your approval is recorded: ${emergency} has 1 of 2 approvals.`,
      );
      expect((await click(d, emergency, "Approve", "cleo", "approval prompt")).text).toContain(
        `Your approval is recorded: ${emergency} is approved.`,
      );
      expect(await shown(d, emergency, "approval prompt")).toContain("Blackout override");
      expect((await d.directMessages("ada")).join("\n")).toContain("the override is recorded");
    });
  });

  describe("WHEN changes overlap", () => {
    it("THEN the conflict is shown on the result and on the approval prompt", async () => {
      const d = driver();
      const first = refIn(
        await command(
          d,
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
      const second = await command(
        d,
        "new",
        { title: "Identity patch", start: on(10, "22:00"), end: on(10, "23:30"), services: "identity" },
        "otto",
      );
      expect(second).toContain(`Overlaps ${first} (Identity DB failover test), which also changes Identity.`);
      const ref = refIn(second);
      await command(d, "submit", { ref }, "otto");
      await command(d, "authorize", { ref }, "otto");
      expect(await shown(d, ref, "approval prompt")).toContain(`Overlaps ${first}`);
    });
  });

  describe("WHEN a change is rescheduled", () => {
    it("THEN the form opens with the current plan, and the answer shows the new window's conflicts", async () => {
      const d = driver();
      const blocker = refIn(
        await command(
          d,
          "new",
          { title: "Identity cert swap", start: on(12, "22:00"), end: on(12, "23:00"), services: "identity" },
          "ada",
        ),
      );
      const ref = refIn(
        await command(
          d,
          "new",
          { title: "Payments rollout", start: on(13, "22:00"), end: on(13, "23:00"), services: "payments" },
          "ada",
        ),
      );
      const form = formIn(await click(d, ref, "Reschedule", "ada", "card"));
      expect(form.id).toBe("change.reschedule");
      const answer = await submit(
        d,
        form,
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
      for (const [args, message] of cases) expect(await command(d, "new", args, "ada")).toContain(message);
      expect(await command(d, "show", { ref: "CHG-99999" }, "ada")).toContain(
        "There is no CHG-99999. Check the number with /change list.",
      );
      expect(
        await command(
          d,
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
      await command(d, "approve", { ref }, "otto");
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
      const reminders = async () =>
        (await d.channelMessages("approvals")).filter((text) => text.includes(`Reminder: ${ref}`));
      await runChangePrompts(deps, new Date());
      await runChangePrompts(deps, new Date());
      await d.settle();
      expect(await reminders()).toHaveLength(1);
      const [reminder = ""] = await reminders();
      expect(reminder).toContain(d.mention("carl"));
      expect(reminder).toContain(d.mention("cleo"));
      expect(reminder).not.toContain(d.mention("otto"));
      expect(reminder).toContain("1 of 2 approvals so far");

      // The test desk's agenda time is 00:00, so today's agenda is due: posted once, whether by the runs
      // above or by the desk's own scheduler ticking on the real clock (which may have posted it before this
      // change existed; what the agenda lists at a given instant is tested with an injected clock in
      // test/integration/changes).
      const agendas = (await d.channelMessages("approvals")).filter((text) => text.includes("CAB agenda"));
      expect(agendas).toHaveLength(1);
    });
  });

  describe("WHEN a change's title and a rejection carry mention and link markup", () => {
    // The reminder, starting-soon and overrunning posts (scheduled) and the decision's direct message carry
    // the title and the reason: they must ping only the people OpsDesk names, and link nothing.
    it("THEN scheduled posts and the requester's direct message show them as words, pinging only the named approvers", async () => {
      const d = driver();
      const title = `Keys ${hostileLine}`;
      const ref = await awaitingApproval(d, 15, title);
      const number = Number(ref.slice(4));
      const db = d.opsdesk.database.db;
      await db.change.update({
        where: { number },
        data: { authorizeStartedAt: new Date(Date.now() - 4 * 3_600_000 - 60_000) },
      });
      const deps = { db, config: d.opsdesk.config, platforms: [d.platform] };
      await runChangePrompts(deps, new Date());
      await d.settle();
      const approvers = [d.mention("carl"), d.mention("cleo"), d.mention("otto")];
      const reminders = await d.liveMarkup({ channel: "approvals" }, `Reminder: ${ref} (${title})`);
      expect(reminders).toHaveLength(1);
      expect(reminders.flat().filter((token) => !approvers.includes(token))).toEqual([]);

      // Approved and moved to start in 10 minutes: "starting soon"; then implementing past its end: "overrunning".
      await command(d, "approve", { ref }, "otto");
      await command(d, "approve", { ref }, "carl");
      expect(await statusOf(d, ref)).toBe("scheduled");
      const soon = new Date(Date.now() + 10 * 60_000);
      await db.change.update({
        where: { number },
        data: { plannedStart: soon, plannedEnd: new Date(soon.getTime() + 3_600_000) },
      });
      await runChangePrompts(deps, new Date());
      await d.settle();
      const people = [d.mention("ada")];
      const starting = await d.liveMarkup({ channel: "approvals" }, `${ref} (${title}) starts in`);
      expect(starting).toHaveLength(1);
      expect(starting.flat().filter((token) => !people.includes(token))).toEqual([]);
      await db.change.update({
        where: { number },
        data: {
          status: "implement",
          plannedStart: new Date(Date.now() - 2 * 3_600_000),
          plannedEnd: new Date(Date.now() - 3_600_000),
        },
      });
      await runChangePrompts(deps, new Date());
      await d.settle();
      const overrunning = await d.liveMarkup(
        { channel: "approvals" },
        `${ref} (${title}) is still being implemented`,
      );
      expect(overrunning).toHaveLength(1);
      expect(overrunning.flat().filter((token) => !people.includes(token))).toEqual([]);

      const rejected = await awaitingApproval(d, 16, title);
      const form = formIn(await click(d, rejected, "Reject", "cleo", "approval prompt"));
      expect(form.id).toBe("change.reject");
      await submit(d, form, { reason: hostileLine }, "cleo");
      expect(await d.liveMarkup({ dm: "ada" }, `Your change ${rejected} (${title}) is rejected.`)).toEqual([
        [],
      ]);
      expect(await d.liveMarkup({ dm: "ada" }, `: "${hostileLine}"`)).toEqual([[]]);
    });
  });

  describe("WHEN someone looks at the changes", () => {
    it("THEN list, show and the calendar answer privately in their time zone", async () => {
      const d = driver();
      const ref = refIn(
        await command(
          d,
          "new",
          { title: "Calendar entry", start: on(2, "22:00"), end: on(2, "23:00") },
          "ada",
        ),
      );
      expect(await command(d, "list", { scope: "open" }, "ada")).toContain(ref);
      expect(await command(d, "calendar", { period: "7d" }, "ada")).toContain(ref);
      expect(await command(d, "show", { ref }, "ada")).toContain("Calendar entry");
    });
  });
}
