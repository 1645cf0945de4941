// Release management end to end, written once against the ChatDriver (../driver.ts) and run on every platform
// mode. Releases reach their changes only through the ticket directory (the `includes` link), so these
// scenarios plan real changes with /change first. The desk runs on the machine's real clock: windows are
// planned a number of days from today. Releases here touch the identity service, whose cards go to the
// approvals channel, so incidents other scenarios raise on payments are never told of these deployments.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { blackout } from "../../support/desk-config.js";
import type { ChatDriver, Person } from "../driver.js";

const zone = "Europe/Berlin";

function on(days: number, time: string): string {
  return `${DateTime.now().setZone(zone).plus({ days }).toFormat("yyyy-MM-dd")} ${time}`;
}

function refIn(prefix: string, text: string): string {
  const ref = new RegExp(`${prefix}-\\d+`).exec(text)?.[0];
  if (!ref) throw new Error(`no ${prefix} in: ${text}`);
  return ref;
}

async function run(
  d: ChatDriver,
  as: Person,
  command: string,
  subcommand: string,
  args: Readonly<Record<string, string>>,
): Promise<string> {
  const answer = await d.run(as, { command, subcommand, args, channel: "approvals" });
  await d.settle();
  return answer.text;
}

async function click(d: ChatDriver, as: Person, ref: string, label: string): Promise<string> {
  const answer = await d.click(as, ref, label);
  await d.settle();
  return answer.text;
}

/** A normal change on identity, requested by Ada and approved by Carl and Cleo (quorum 2): scheduled. */
async function scheduledChange(d: ChatDriver, day: number, title: string): Promise<string> {
  const ref = refIn(
    "CHG",
    await run(d, "ada", "change", "new", {
      title,
      start: on(day, "21:00"),
      end: on(day, "23:30"),
      services: "identity",
    }),
  );
  await run(d, "ada", "change", "submit", { ref });
  await run(d, "ada", "change", "authorize", { ref });
  await run(d, "carl", "change", "approve", { ref });
  expect(await run(d, "cleo", "change", "approve", { ref })).toContain(`${ref} is approved`);
  return ref;
}

async function newRelease(
  d: ChatDriver,
  as: Person,
  args: Readonly<Record<string, string>>,
): Promise<{ text: string; ref: string | undefined }> {
  const text = await run(d, as, "release", "new", args);
  return { text, ref: /REL-\d+/.exec(text)?.[0] };
}

async function releaseStatus(d: ChatDriver, ref: string): Promise<string | undefined> {
  const row = await d.opsdesk.database.db.release.findUnique({ where: { number: Number(ref.slice(4)) } });
  return row?.status;
}

async function changeStatus(d: ChatDriver, ref: string): Promise<string | undefined> {
  const row = await d.opsdesk.database.db.change.findUnique({ where: { number: Number(ref.slice(4)) } });
  return row?.status;
}

/** A release of one change (requested, not yet scheduled), planned and put to the go/no-go by Ada. */
async function awaitingGo(d: ChatDriver, day: number, title: string): Promise<string> {
  const change = refIn(
    "CHG",
    await run(d, "ada", "change", "new", {
      title,
      start: on(day, "21:00"),
      end: on(day, "23:30"),
      services: "identity",
    }),
  );
  const { ref } = await newRelease(d, "ada", {
    name: title,
    version: "1.0.0",
    start: on(day, "22:00"),
    end: on(day, "23:00"),
    changes: change,
  });
  if (!ref) throw new Error("no release");
  await click(d, "ada", ref, "Plan");
  expect(await click(d, "ada", ref, "Ask for go/no-go")).toContain(`${ref} is waiting for its go/no-go.`);
  return ref;
}

export function releaseScenarios(driver: () => ChatDriver): void {
  describe("WHEN a release of two changes goes from draft to closed", () => {
    it("THEN the card lists the changes and their states, the go/no-go reaches quorum, deploying starts the changes, deployed posts the notes", async () => {
      const d = driver();
      const first = await scheduledChange(d, 40, "Identity schema 12");
      const second = await scheduledChange(d, 40, "Identity token TTL");
      const created = await newRelease(d, "ada", {
        name: "Identity spring",
        version: "12.0.0",
        start: on(40, "22:00"),
        end: on(40, "23:00"),
        changes: `${first}, ${second.toLowerCase()}`,
      });
      expect(created.text).toMatch(
        /REL-\d+ is planned as a draft: Identity spring 12\.0\.0, 2 change\(s\)\./,
      );
      const ref = created.ref as string;
      let card = await d.card(ref);
      expect(card.channel).toBe("approvals");
      expect(card.title).toBe(`${ref} · Identity spring 12.0.0`);
      expect(card.fields.Status).toBe("Draft");
      expect(card.fields.Changes).toBe(
        `${first} · Identity schema 12 (Scheduled)\n${second} · Identity token TTL (Scheduled)`,
      );
      expect(card.fields.Flags).toBeUndefined();
      // Each change is linked to the release (`includes`), which the change's card lists as "Released in"
      // where the platform shows that many fields (Slack stops at ten; a conflicting change fills them).
      const links = await d.opsdesk.database.db.ticketLink.findMany({
        where: { fromKind: "REL", fromKey: ref.slice(4), relation: "includes" },
      });
      expect(links.map((link) => `CHG-${link.toKey}`)).toEqual([first, second]);

      expect(await click(d, "ada", ref, "Plan")).toContain(`${ref} is planned.`);
      expect(await click(d, "ada", ref, "Ask for go/no-go")).toContain(`${ref} is waiting for its go/no-go.`);
      card = await d.card(ref);
      expect(card.fields["Go/no-go"]).toBe("Waiting: 0 of 2 go");
      expect(card.buttons).toEqual(expect.arrayContaining(["Go", "No-go"]));

      expect(await click(d, "carl", ref, "Go")).toContain(`Your go is recorded: ${ref} has 1 of 2 go.`);
      expect(await click(d, "cleo", ref, "Go")).toContain(`Your go is recorded: ${ref} may deploy.`);
      card = await d.card(ref);
      expect(card.fields["Go/no-go"]).toBe("Go (2 of 2 go)");
      expect(card.fields.Votes).toBe("✅ Go: Carl CAB\n✅ Go: Cleo CAB");

      expect(await click(d, "ada", ref, "Deploy")).toContain(
        `${ref} is deploying. Implementation started for ${first}, ${second}.`,
      );
      expect(await run(d, "ada", "release", "cancel", { ref })).toContain(
        `${ref} is deploying; a release can only be cancelled before it starts deploying.`,
      );
      expect(await changeStatus(d, first)).toBe("implement");
      expect(await changeStatus(d, second)).toBe("implement");
      expect((await d.card(ref)).fields.Changes).toContain(`${first} · Identity schema 12 (Implement`);

      expect(await click(d, "ada", ref, "Mark deployed")).toContain(`${ref} is deployed`);
      card = await d.card(ref);
      expect(card.fields.Status).toBe("Deployed");
      expect(card.fields.Deployed).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}|<t:|<!date/);
      const notes = (await d.channelMessages("approvals")).filter((m) =>
        m.includes(`Release notes · ${ref}`),
      );
      expect(notes).toHaveLength(1);
      expect(notes[0]).toContain(`• ${first} · Identity schema 12`);
      expect(notes[0]).toContain(`• ${second} · Identity token TTL`);

      expect(await click(d, "ada", ref, "Mark reviewed")).toContain(`${ref} is reviewed.`);
      expect(await click(d, "ada", ref, "Close")).toContain(`${ref} is closed.`);
      expect((await d.card(ref)).fields.Status).toBe("Closed");
      expect(await d.cardsPosted(ref)).toBe(1);
    });
  });

  describe("WHEN a release runs into its plan's problems", () => {
    it("THEN the card flags an unscheduled change, a window outside a change's, a blackout and an overlapping release", async () => {
      const d = driver();
      const unscheduled = refIn(
        "CHG",
        await run(d, "ada", "change", "new", {
          title: "Identity cache flush",
          start: on(21, "21:00"),
          end: on(21, "23:30"),
          services: "identity",
        }),
      );
      const first = await newRelease(d, "ada", {
        name: "Identity freeze fix",
        version: "1.1",
        start: on(21, "20:00"),
        end: on(21, "22:00"),
        changes: unscheduled,
      });
      const flags = (await d.card(first.ref as string)).fields.Flags ?? "";
      expect(flags).toContain(`${unscheduled} is not scheduled yet (New).`);
      expect(flags).toContain(`The release window is outside ${unscheduled}'s window`);
      expect(flags).toContain(`The release window overlaps the blackout "${blackout.name}"`);
      expect(first.text).toContain("Flags:");

      const second = await newRelease(d, "otto", {
        name: "Identity hotfix",
        version: "1.1.1",
        start: on(21, "21:00"),
        end: on(21, "21:30"),
        services: "identity",
      });
      expect((await d.card(second.ref as string)).fields.Flags).toContain(
        `${first.ref} (Identity freeze fix) deploys to identity in an overlapping window`,
      );
    });
  });

  describe("WHEN the go/no-go is voted", () => {
    it("THEN the planner cannot vote, a voter votes once, and any no-go stops the release", async () => {
      const d = driver();
      const ref = await awaitingGo(d, 42, "Identity logging");
      expect(await click(d, "ada", ref, "Go")).toContain(`You manage ${ref}, so you cannot vote go or no-go`);
      expect(await click(d, "rita", ref, "Go")).toContain(`Only members of Change advisory board can vote`);
      expect(await click(d, "carl", ref, "Go")).toContain("1 of 2 go");
      expect(await run(d, "carl", "release", "go", { ref })).toContain(
        `You already voted go on ${ref}; each voter has one vote.`,
      );
      expect(await run(d, "cleo", "release", "nogo", { ref, reason: "Load test failed" })).toContain(
        `Your no-go is recorded: ${ref} is stopped.`,
      );
      const card = await d.card(ref);
      expect(card.fields.Status).toBe("No-go");
      expect(card.fields.Votes).toContain("❌ No-go: Cleo CAB — Load test failed");
      expect(card.buttons).not.toContain("Deploy");
      expect(await run(d, "otto", "release", "go", { ref })).toContain(
        `the go/no-go on ${ref} was already decided (no-go) before your vote arrived`,
      );
      expect(await click(d, "ada", ref, "Cancel release")).toContain(`${ref} is cancelled.`);
      expect((await d.card(ref)).fields.Status).toBe("Cancelled");
    });

    it("THEN two votes at the same moment decide exactly once", async () => {
      const d = driver();
      const ref = await awaitingGo(d, 43, "Identity sessions");
      const answers = await Promise.all([d.click("carl", ref, "Go"), d.click("cleo", ref, "Go")]);
      await d.settle();
      expect(answers.map((a) => a.text).join("\n")).toContain(`${ref} may deploy.`);
      expect((await d.card(ref)).fields["Go/no-go"]).toBe("Go (2 of 2 go)");
      const release = await d.opsdesk.database.db.release.findUniqueOrThrow({
        where: { number: Number(ref.slice(4)) },
      });
      const decisions = await d.opsdesk.database.db.timelineEntry.count({
        where: { ticketKind: "release", ticketId: release.id, kind: "go" },
      });
      expect(decisions).toBe(1);
    });
  });

  describe("WHEN an incident is raised on a service a release just deployed to", () => {
    it('THEN its card says "Deployed … min ago: REL-n" and "Caused by REL-n" links them', async () => {
      const d = driver();
      const ref = await awaitingGo(d, 44, "Identity MFA");
      await click(d, "carl", ref, "Go");
      await click(d, "cleo", ref, "Go");
      await click(d, "ada", ref, "Deploy");
      await click(d, "ada", ref, "Mark deployed");
      const raised = await d.run("ada", {
        command: "incident",
        subcommand: "new",
        args: { title: "Logins fail after MFA rollout", service: "identity" },
      });
      await d.settle();
      const incident = refIn("INC", raised.text);
      let card = await d.card(incident);
      expect(card.fields["Looks like"]).toMatch(
        new RegExp(`^${ref} · Identity MFA 1\\.0\\.0 \\(Deployed\\) — Deployed \\d+ min ago$`),
      );
      expect(card.buttons).toContain(`Caused by ${ref}`);

      expect(await click(d, "rita", incident, `Caused by ${ref}`)).toContain(
        "Only agents can record what caused an incident.",
      );
      expect(await click(d, "ada", incident, `Caused by ${ref}`)).toContain(
        `${incident} is linked to ${ref} (Caused by).`,
      );
      card = await d.card(incident);
      expect(card.fields["Caused by"]).toContain(`${ref} · Identity MFA 1.0.0 (Deployed)`);
      expect(card.fields["Looks like"]).toBeUndefined();
      expect((await d.card(ref)).fields.Caused).toContain(`${incident} · Logins fail after MFA rollout`);
    });
  });

  describe("WHEN a release is asked for what it cannot do", () => {
    it("THEN an unknown change, a change already in another release and deploying without a go are refused privately and nothing is written", async () => {
      const d = driver();
      const db = d.opsdesk.database.db;
      const before = await db.release.count();
      const unknown = await newRelease(d, "ada", {
        name: "Ghost",
        version: "0.1",
        start: on(45, "22:00"),
        end: on(45, "23:00"),
        changes: "CHG-987654",
      });
      expect(unknown.text).toContain("There is no CHG-987654.");
      const notAChange = await newRelease(d, "ada", {
        name: "Ghost",
        version: "0.1",
        start: on(45, "22:00"),
        end: on(45, "23:00"),
        changes: "banana",
      });
      expect(notAChange.text).toContain(
        '"banana" is not a change. Name included changes by number, like CHG-12.',
      );
      expect(await db.release.count()).toBe(before);

      const ref = await awaitingGo(d, 45, "Identity keys");
      const change = refIn("CHG", (await d.card(ref)).fields.Changes ?? "");
      const twice = await newRelease(d, "otto", {
        name: "Identity keys again",
        version: "2.0",
        start: on(45, "22:00"),
        end: on(45, "23:00"),
        changes: change,
      });
      expect(twice.text).toContain(
        `${change} is already in ${ref} (Go/no-go); a change ships in one release at a time.`,
      );
      expect(await db.release.count()).toBe(before + 1);

      const draft = await newRelease(d, "otto", {
        name: "Identity docs",
        version: "2.1",
        start: on(45, "22:00"),
        end: on(45, "23:00"),
        services: "identity",
      });
      expect(await run(d, "otto", "release", "add", { ref: draft.ref as string, change })).toContain(
        `${change} is already in ${ref}`,
      );
      expect(await run(d, "ada", "release", "deploy", { ref })).toContain(
        `${ref} cannot be deployed without a go: the go/no-go vote has not reached a go yet.`,
      );
      expect(await releaseStatus(d, ref)).toBe("go_no_go");
      expect(await changeStatus(d, change)).toBe("new");
    });
  });

  describe("WHEN a release is planned with the form", () => {
    it("THEN the bare command opens it and submitting it creates the draft", async () => {
      const d = driver();
      const answer = await d.openCreateForm("otto", "release");
      expect(answer.form?.id).toBe("release.new");
      const submitted = await d.submit("otto", answer.form!, {
        name: "Identity autumn",
        version: "13.0",
        start: on(46, "22:00"),
        end: on(46, "23:00"),
      });
      await d.settle();
      expect(submitted.text).toMatch(/REL-\d+ is planned as a draft: Identity autumn 13\.0, 0 change\(s\)\./);
    });
  });
}
