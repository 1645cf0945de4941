// Service continuity end to end, written once against the ChatDriver (../driver.ts) and run on every platform
// mode. The test desk's plan is for the identity service (RTO 4h, MTD 8h, two ordered steps owned by the
// service desk); identity has no channel of its own, so checklists go to the incidents channel. The
// countdown, the RTO warnings and the drill reminders are the scheduler's: the scenarios run its job
// themselves with an injected clock, as the change scenarios do with the change prompts.
import { describe, expect, it } from "vitest";
import { runContinuityTick } from "../../../src/practices/continuity/jobs/tick.js";
import type { ChatDriver, Person } from "../driver.js";

function refIn(prefix: string, text: string): string {
  const ref = new RegExp(`${prefix}-\\d+`).exec(text)?.[0];
  if (!ref) throw new Error(`no ${prefix} in: ${text}`);
  return ref;
}

async function run(d: ChatDriver, as: Person, subcommand: string, args: Record<string, string> = {}) {
  const answer = await d.run(as, { command: "continuity", subcommand, args });
  await d.settle();
  return answer.text;
}

async function click(d: ChatDriver, as: Person, ref: string, label: string): Promise<string> {
  const answer = await d.click(as, ref, label);
  await d.settle();
  return answer.text;
}

const minutes = (n: number) => n * 60_000;

export function continuityScenarios(driver: () => ChatDriver): void {
  const tick = async (d: ChatDriver, at: Date) => {
    await runContinuityTick(
      { db: d.opsdesk.database.db, config: d.opsdesk.config, platforms: [d.platform] },
      at,
    );
    await d.settle();
  };

  describe("WHEN a plan's drill is overdue", () => {
    it("THEN the scheduler reminds each step owner privately, once per drill period", async () => {
      const d = driver();
      await tick(d, new Date());
      await tick(d, new Date());
      const reminders = async (who: Person) =>
        (await d.directMessages(who)).filter((m) =>
          m.includes("Drill overdue: the continuity plan for Identity was never drilled."),
        );
      const toAda = await reminders("ada");
      expect(toAda).toHaveLength(1);
      expect(toAda[0]).toContain("Run /continuity drill identity.");
      expect(await reminders("otto")).toHaveLength(1);
      expect(await reminders("carl")).toHaveLength(0);
    });
  });

  describe("WHEN a major incident hits a service with a continuity plan", () => {
    it("THEN its card offers the plan, the checklist runs in order against the clock, warns once per threshold, and records the recovery time", async () => {
      const d = driver();
      const raised = await d.run("ada", {
        command: "incident",
        subcommand: "new",
        args: { title: "Identity data centre lost", service: "identity" },
      });
      await d.settle();
      const incident = refIn("INC", raised.text);
      expect((await d.card(incident)).buttons).not.toContain("Invoke continuity plan");
      await click(d, "ada", incident, "Declare major");
      expect((await d.card(incident)).buttons).toContain("Invoke continuity plan");

      const invoked = await click(d, "ada", incident, "Invoke continuity plan");
      expect(invoked).toMatch(
        /BCP-\d+: the continuity plan for Identity is invoked; the checklist is posted\./,
      );
      const ref = refIn("BCP", invoked);
      let card = await d.card(ref);
      expect(card.channel).toBe("incidents");
      expect(card.title).toBe(`${ref} · Identity recovery`);
      expect(card.fields.Mode).toBe("Live");
      expect(card.fields.Incident).toBe(incident);
      expect(card.fields.Objectives).toBe("RTO 4h 00m · RPO 15m · MTD 8h 00m");
      expect(card.fields.Steps).toContain("⬜ 1. Fail over the user database — Service desk (To do)");
      expect(card.fields.Contacts).toBe("Identity vendor hotline: +1 555 0100");
      expect(card.buttons).toEqual(["Start", "Done", "Blocked", "Service restored"]);
      expect(await click(d, "ada", incident, "Invoke continuity plan")).toContain(
        `${ref} is already recovering Identity`,
      );

      const db = d.opsdesk.database.db;
      const stored = await db.continuityRun.findUniqueOrThrow({ where: { number: Number(ref.slice(4)) } });
      expect(await run(d, "ada", "done", { ref, step: "2" })).toContain(
        "Step 2 (Restart the identity pods) cannot be done before step 1 (Fail over the user database) is done: this plan's steps run in order.",
      );
      expect(
        (await db.continuityStep.findMany({ where: { runId: stored.id, status: "pending" } })).length,
      ).toBe(2);

      expect(await click(d, "otto", ref, "Start")).toContain(
        `Step 1 of ${ref} (Fail over the user database) is started.`,
      );
      expect(await click(d, "otto", ref, "Done")).toContain("is done.");
      expect((await d.card(ref)).fields.Steps).toContain("✅ 1. Fail over the user database");

      // The recovery started this long ago (the run's start moved back, as the change scenarios move a
      // change's authorize time): the scheduler's job then runs at the real now.
      const startedAgo = async (m: number) => {
        await db.continuityRun.update({
          where: { id: stored.id },
          data: { startedAt: new Date(Date.now() - minutes(m)) },
        });
        await tick(d, new Date());
      };
      await startedAgo(125);
      card = await d.card(ref);
      expect(card.fields.Countdown).toMatch(
        /^2h 0[56]m elapsed · RTO 4h 00m: 1h 5[45]m left · MTD 8h 00m: 5h 5[45]m left$/,
      );
      await startedAgo(126);
      await startedAgo(181);
      await startedAgo(217);
      await startedAgo(218);
      const warnings = (await d.threadLines(ref)).filter((line) =>
        line.includes("of the RTO (4h 00m) is used"),
      );
      expect(warnings.map((line) => /(\d+)% of the RTO/.exec(line)?.[1])).toEqual(["50", "75", "90"]);
      expect((await d.card(ref)).fields.Countdown).toMatch(/^3h 3[67]m elapsed/);

      expect(await click(d, "ada", ref, "Done")).toContain(
        `Step 2 of ${ref} (Restart the identity pods) is done.`,
      );
      expect(await click(d, "ada", ref, "Service restored")).toMatch(
        new RegExp(`${ref}: Recovered in 3h 3[78]m: RTO 4h 00m met, MTD 8h 00m met\\.`),
      );
      card = await d.card(ref);
      expect(card.fields.Status).toBe("Recovered");
      expect(card.fields["Recovery time"]).toMatch(
        /^Recovered in 3h 3[78]m: RTO 4h 00m met, MTD 8h 00m met$/,
      );
      expect(
        (await db.continuityRun.findUniqueOrThrow({ where: { id: stored.id } })).recoveryMinutes,
      ).toBeGreaterThanOrEqual(218);
      expect(card.buttons).toEqual([]);
      expect(await d.cardsPosted(ref)).toBe(1);
    });
  });

  describe("WHEN a plan is drilled", () => {
    it("THEN the checklist is marked a drill everywhere and the status lists its last drill and measured time", async () => {
      const d = driver();
      const answer = await run(d, "ada", "drill", { service: "identity" });
      expect(answer).toMatch(
        /BCP-\d+ is a drill of the continuity plan for Identity; the clock runs against RTO 4h 00m\./,
      );
      const ref = refIn("BCP", answer);
      const card = await d.card(ref);
      expect(card.title).toBe(`${ref} · DRILL: Identity recovery`);
      expect(card.fields.Mode).toBe("DRILL (exercise, not a real outage)");
      await click(d, "otto", ref, "Start");
      await click(d, "otto", ref, "Done");
      await click(d, "otto", ref, "Done");
      await click(d, "ada", ref, "Service restored");
      const status = await run(d, "rita", "status");
      expect(status).toContain("Identity");
      expect(status).toContain(`(${ref})`);
      expect(status).toMatch(/Recovered in \d+m: RTO 4h 00m met, MTD 8h 00m met/);
      expect(status).not.toContain("DRILL OVERDUE");
    });
  });

  describe("WHEN continuity is asked for what it cannot do", () => {
    it("THEN a service without a plan and a reporter invoking are refused privately and nothing is written", async () => {
      const d = driver();
      const before = await d.opsdesk.database.db.continuityRun.count();
      expect(await run(d, "ada", "invoke", { service: "payments" })).toContain(
        "Payments API has no continuity plan. Plans are declared in opsdesk.yaml under continuity.plans; services with one: identity.",
      );
      expect(await run(d, "rita", "invoke", { service: "identity" })).toContain(
        "Only agents can invoke or drill a continuity plan.",
      );
      expect(await d.opsdesk.database.db.continuityRun.count()).toBe(before);
    });
  });
}
