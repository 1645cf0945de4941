import { beforeAll, describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/defaults.js";
import type { OpsdeskConfig } from "../../../src/config/types.js";
import type { Actor } from "../../../src/kernel/people/actor.js";
import { plainPostText, readPostText } from "../../../src/kernel/views/post-text.js";
import { applyChangeAction } from "../../../src/practices/changes/apply-change-action.js";
import { castVote } from "../../../src/practices/changes/cast-vote.js";
import { createChange } from "../../../src/practices/changes/create-change.js";
import { runChangePrompts } from "../../../src/practices/changes/jobs/prompts.js";
import { type ChangeWorld, deskTimezone, seedChangeWorld } from "../../support/change-fixtures.js";
import { describeEachDatabase } from "../../support/databases.js";

const MINUTE = 60_000;

describeEachDatabase("GIVEN the scheduled change prompts and an injected clock", (db) => {
  let world: ChangeWorld;
  let config: OpsdeskConfig;
  const run = (at: Date) => runChangePrompts({ db: db().handle.db, config, platforms: ["slack"] }, at);
  const posts = (kind: string, key: string) =>
    db().handle.db.outboxMessage.findMany({
      where: { kind, idempotencyKey: { contains: key } },
      orderBy: { id: "asc" },
    });

  beforeAll(async () => {
    world = await seedChangeWorld(db().handle.db, "p", { cabSize: 3 });
    world.ctx.settings = {
      ...world.ctx.settings,
      remindAfterMinutes: 60,
      reminderIntervalMinutes: 120,
      startingSoonMinutes: 30,
      agendaTime: "09:00",
    };
    const base = defaultConfig();
    config = {
      ...base,
      timezone: deskTimezone,
      channels: { ...base.channels, approvals: { ...base.channels.approvals, slack: "C0APPROVALS" } },
      changes: world.ctx.settings,
    };
    // The CAB members' Slack accounts, so reminders can mention them.
    await db().handle.db.$transaction((tx) =>
      tx.identity.createMany({
        data: world.cab.map((member, index) => ({
          platform: "slack",
          externalId: `U0CAB${index}`,
          personId: member.person.id,
        })),
      }),
    );
  });

  describe("WHEN a change waits for approval", () => {
    it("THEN the approvers who have not voted are reminded after the wait, at most once per interval", async () => {
      const { ctx, requester, clock } = world;
      clock.set("2026-11-02T10:00:00Z");
      const { change } = await createChange(ctx, requester, {
        title: "Reminded change",
        start: "2026-11-09 22:00",
        end: "2026-11-09 23:00",
      });
      await applyChangeAction(ctx, requester, change.number, { type: "submit" });
      await applyChangeAction(ctx, requester, change.number, { type: "request_approval" });
      await castVote(ctx, world.cab[0] as Actor, change.number, { decision: "approve" });
      const key = `change:${change.id}:reminder`;
      const at = (minutes: number) => new Date(Date.parse("2026-11-02T10:00:00Z") + minutes * MINUTE);

      expect((await run(at(59))).reminders).toBe(0);
      expect((await run(at(60))).reminders).toBe(1);
      expect((await run(at(61))).reminders).toBe(0);
      expect((await run(at(179))).reminders).toBe(0);
      expect((await run(at(180))).reminders).toBe(1);
      expect((await run(at(180))).reminders).toBe(0);

      const reminders = await posts("post_message", key);
      expect(reminders).toHaveLength(2);
      const body = JSON.parse(reminders[0]?.payload ?? "{}").body;
      // CAB member 0 already voted; the other two are mentioned.
      expect(body.mentions).toEqual(["U0CAB1", "U0CAB2"]);
      expect(plainPostText(readPostText(body.text))).toContain(
        `${change.ref} (Reminded change) is waiting for your vote: 1 of 2 approvals`,
      );
      // The title is the requester's words: it travels as user text, which no renderer turns into markup.
      expect(body.text).toContainEqual({ kind: "user", text: "Reminded change" });
      expect(reminders[0]?.channelId).toBe("C0APPROVALS");
    });
  });

  describe("WHEN a scheduled change's window approaches and then closes", () => {
    it("THEN 'starting soon' fires once in the lead time and 'overrunning' once after the window while implementing", async () => {
      const { ctx, requester, clock } = world;
      clock.set("2026-11-03T08:00:00Z");
      const { change } = await createChange(ctx, requester, {
        type: "standard",
        templateId: "cert-rotation",
        start: "2026-11-03 12:00",
      });
      await applyChangeAction(ctx, requester, change.number, { type: "submit" });
      const opens = change.plannedStart.getTime();
      const at = (minutes: number) => new Date(opens + minutes * MINUTE);

      expect((await run(at(-31))).startingSoon).toBe(0);
      expect((await run(at(-30))).startingSoon).toBe(1);
      expect((await run(at(-10))).startingSoon).toBe(0);
      expect((await run(at(0))).startingSoon).toBe(0);
      const soon = await posts("post_message", `change:${change.id}:starting_soon`);
      expect(soon).toHaveLength(1);
      expect(plainPostText(readPostText(JSON.parse(soon[0]?.payload ?? "{}").body.text))).toContain(
        "starts in 30 min, at 2026-11-03 12:00 (Europe/Berlin)",
      );

      clock.set(at(1));
      await applyChangeAction(ctx, requester, change.number, { type: "start" });
      expect((await run(at(29))).overrunning).toBe(0);
      expect((await run(at(30))).overrunning).toBe(1);
      expect((await run(at(90))).overrunning).toBe(0);
      expect(await posts("post_message", `change:${change.id}:overrunning`)).toHaveLength(1);
    });
  });

  describe("WHEN the desk's clock passes the agenda time", () => {
    it("THEN the CAB agenda is posted once a day to the approvals channel", async () => {
      // 09:00 in Berlin is 08:00 UTC in November.
      expect((await run(new Date("2026-11-04T07:59:00Z"))).agendas).toBe(0);
      expect((await run(new Date("2026-11-04T08:00:00Z"))).agendas).toBe(1);
      expect((await run(new Date("2026-11-04T15:00:00Z"))).agendas).toBe(0);
      expect((await run(new Date("2026-11-05T08:30:00Z"))).agendas).toBe(1);
      const agendas = await posts("post_card", "cab_agenda");
      // The runs of the scenarios above (on the 2nd and 3rd, after 09:00) posted those days' agendas.
      expect(agendas.map((row) => row.idempotencyKey)).toEqual([
        "cab_agenda:2026-11-02:slack",
        "cab_agenda:2026-11-03:slack",
        "cab_agenda:2026-11-04:slack",
        "cab_agenda:2026-11-05:slack",
      ]);
      const card = JSON.parse(agendas[2]?.payload ?? "{}").body.card;
      expect(card.title).toBe("CAB agenda · 2026-11-04");
      expect(JSON.stringify(card.fields)).toContain("Reminded change");
    });
  });
});
