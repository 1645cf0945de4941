// The go/no-go under simultaneous votes, on a real SQLite file and a real PostgreSQL: 50 voters click at
// the same moment and exactly one decision is recorded, whatever the mix (src/practices/releases/cast-vote.ts
// claims the release row first, as the CAB vote on a change does).
import { beforeAll, describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/defaults.js";
import type { Actor } from "../../../src/kernel/people/actor.js";
import { createTicketDirectory, type TicketOwner } from "../../../src/kernel/tickets/directory.js";
import { createTicketEventBus } from "../../../src/kernel/tickets/events.js";
import { readTimeline } from "../../../src/kernel/tickets/timeline-read.js";
import { createChange } from "../../../src/practices/changes/create-change.js";
import { changeOwner } from "../../../src/practices/changes/owner.js";
import { applyReleaseStep } from "../../../src/practices/releases/apply-step.js";
import { castGoVote } from "../../../src/practices/releases/cast-vote.js";
import type { ReleaseContext } from "../../../src/practices/releases/context.js";
import { createRelease } from "../../../src/practices/releases/create-release.js";
import { releaseOwner } from "../../../src/practices/releases/owner.js";
import { findRelease } from "../../../src/practices/releases/snapshot.js";
import { type ChangeWorld, seedChangeWorld } from "../../support/change-fixtures.js";
import { describeEachDatabase } from "../../support/databases.js";

const voters = 50;

describeEachDatabase(`GIVEN ${voters} approvers voting go/no-go at the same moment`, (db) => {
  let world: ChangeWorld;
  beforeAll(async () => {
    world = await seedChangeWorld(db().handle.db, "rel", { cabSize: voters });
  });

  function context(quorum: number): ReleaseContext {
    const owners: TicketOwner[] = [];
    const ctx: ReleaseContext = {
      db: db().handle.db,
      clock: world.clock,
      config: {
        ...defaultConfig(),
        timezone: "Europe/Berlin",
        releases: { approvers: "cab-rel", quorum: { kind: "count", value: quorum }, suspectForMinutes: 240 },
      },
      platforms: [],
      tickets: createTicketDirectory(() => owners),
      events: createTicketEventBus(() => []),
    };
    owners.push(changeOwner(world.ctx), releaseOwner(ctx));
    return ctx;
  }

  async function awaitingGo(day: number, quorum: number) {
    const ctx = context(quorum);
    const { change } = await createChange(world.ctx, world.requester, {
      title: `Release race ${day}`,
      start: `2026-11-${day} 22:00`,
      end: `2026-11-${day} 23:00`,
    });
    const release = await createRelease(ctx, world.requester, {
      name: `Race ${day}`,
      label: "1.0",
      start: `2026-11-${day} 22:00`,
      end: `2026-11-${day} 23:00`,
      serviceIds: [],
      changes: [change.ref],
    });
    await applyReleaseStep(ctx, world.requester, release.number, "plan");
    await applyReleaseStep(ctx, world.requester, release.number, "gonogo");
    return { ctx, release };
  }

  const everyone = (ctx: ReleaseContext, number: number, people: readonly Actor[], noGo: Actor[] = []) =>
    Promise.allSettled(
      people.map((voter) =>
        castGoVote(
          ctx,
          voter,
          number,
          noGo.includes(voter) ? "no_go" : "go",
          noGo.includes(voter) ? "No" : undefined,
        ),
      ),
    );

  describe(`WHEN all ${voters} vote go and 25 go votes decide`, () => {
    it("THEN exactly one decision is recorded, 25 votes count, and the late voters are told politely", async () => {
      const { ctx, release } = await awaitingGo(23, 25);
      const results = await everyone(ctx, release.number, world.cab);
      const accepted = results.filter((result) => result.status === "fulfilled");
      expect(accepted).toHaveLength(25);
      expect(accepted.filter((result) => result.value.decided === "go")).toHaveLength(1);
      for (const result of results.filter((r) => r.status === "rejected")) {
        expect(result.reason).toMatchObject({
          code: "already_done",
          userMessage: `Thanks, but the go/no-go on ${release.ref} was already decided (go) before your vote arrived. Your vote was not needed.`,
        });
      }
      const after = await findRelease(db().handle.db, release.number);
      expect(after).toMatchObject({ status: "go_no_go", decision: "go" });
      expect(after.votes).toHaveLength(25);
      const timeline = await readTimeline(db().handle.db, "release", release.id, { includeInternal: true });
      expect(timeline.filter((entry) => entry.kind === "go")).toHaveLength(1);
      expect(timeline.filter((entry) => entry.kind === "vote_go")).toHaveLength(25);
    });
  });

  describe(`WHEN one of the ${voters} says no-go among the go votes`, () => {
    it("THEN the no-go decides once, and every vote either counted before it or was refused", async () => {
      const { ctx, release } = await awaitingGo(24, voters);
      const results = await everyone(ctx, release.number, world.cab, [world.cab[17] as Actor]);
      const after = await findRelease(db().handle.db, release.number);
      expect(after).toMatchObject({ status: "no_go", decision: "no_go" });
      expect(results.filter((r) => r.status === "fulfilled" && r.value.decided)).toHaveLength(1);
      const timeline = await readTimeline(db().handle.db, "release", release.id, { includeInternal: true });
      expect(timeline.filter((entry) => entry.kind === "go" || entry.kind === "no_go")).toHaveLength(1);
      expect(after.votes.filter((vote) => vote.decision === "no_go")).toHaveLength(1);
      expect(after.votes.length + results.filter((r) => r.status === "rejected").length).toBe(voters);
    });
  });

  describe("WHEN one voter double-clicks five times at once", () => {
    it("THEN the vote counts once and the go/no-go is still open", async () => {
      const { ctx, release } = await awaitingGo(25, 3);
      const voter = world.cab[3] as Actor;
      const results = await everyone(ctx, release.number, [voter, voter, voter, voter, voter]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      for (const result of results.filter((r) => r.status === "rejected")) {
        expect(result.reason).toMatchObject({ code: "already_done" });
      }
      const after = await findRelease(db().handle.db, release.number);
      expect(after.votes).toHaveLength(1);
      expect(after).toMatchObject({ status: "go_no_go", decision: null });
    });
  });
});
