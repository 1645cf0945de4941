/**
 * 50 voters answering a release's go/no-go within the same second, on SQLite and on PostgreSQL: how long
 * until the decision, and whether the outcome is right (exactly one decision, the quorum's votes counted
 * once, the rest refused). Each vote runs the real path: checks, claim of the release row, vote row, tally,
 * decision, timeline and the outbox update of the release card. Baseline, in the same run on the same
 * database: 50 concurrent transactions that only insert a vote row each (the floor cost of 50 writes).
 * Not a timed test; run with `npx tsx bench/releases/go-votes.bench.ts` (BENCH_ROUNDS, default 10).
 */
import { defaultConfig } from "../../src/config/defaults.js";
import { type Db, openDatabase } from "../../src/db/client.js";
import { createTicketDirectory, type TicketOwner } from "../../src/kernel/tickets/directory.js";
import { createTicketEventBus } from "../../src/kernel/tickets/events.js";
import { createChange } from "../../src/practices/changes/create-change.js";
import { changeOwner } from "../../src/practices/changes/owner.js";
import { applyReleaseStep } from "../../src/practices/releases/apply-step.js";
import { castGoVote } from "../../src/practices/releases/cast-vote.js";
import type { ReleaseContext } from "../../src/practices/releases/context.js";
import { createRelease } from "../../src/practices/releases/create-release.js";
import { releaseOwner } from "../../src/practices/releases/owner.js";
import { findRelease } from "../../src/practices/releases/snapshot.js";
import { seedChangeWorld } from "../../test/support/change-fixtures.js";
import { createTestDatabase } from "../../test/support/databases.js";

const VOTERS = 50;
const QUORUM = 25;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;

async function benchProvider(provider: "sqlite" | "postgresql"): Promise<void> {
  const created = await createTestDatabase(provider);
  const handle = await openDatabase(created.location, { poolSize: 20 });
  try {
    const world = await seedChangeWorld(handle.db, provider, { cabSize: VOTERS });
    world.clock.set(new Date());
    const base = defaultConfig();
    const owners: TicketOwner[] = [];
    const ctx: ReleaseContext = {
      db: handle.db,
      clock: world.clock,
      config: {
        ...base,
        channels: { ...base.channels, approvals: { ...base.channels.approvals, slack: "C0APPROVALS" } },
        releases: {
          approvers: `cab-${provider}`,
          quorum: { kind: "count", value: QUORUM },
          suspectForMinutes: 60,
        },
      },
      platforms: ["slack"],
      tickets: createTicketDirectory(() => owners),
      events: createTicketEventBus(() => []),
    };
    owners.push(changeOwner(world.ctx), releaseOwner(ctx));
    const decision: number[] = [];
    const answered: number[] = [];
    const baseline: number[] = [];
    let consistent = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const day = new Date(Date.now() + (round + 2) * 86_400_000).toISOString().slice(0, 10);
      const window = { start: `${day} 22:00`, end: `${day} 23:00` };
      const { change } = await createChange(world.ctx, world.requester, {
        title: `Go bench ${round}`,
        ...window,
      });
      const release = await createRelease(ctx, world.requester, {
        name: `Go bench ${round}`,
        label: "1.0",
        ...window,
        serviceIds: [],
        changes: [change.ref],
      });
      await applyReleaseStep(ctx, world.requester, release.number, "plan");
      await applyReleaseStep(ctx, world.requester, release.number, "gonogo");
      baseline.push(
        await rawInserts(
          handle.db,
          release.id,
          world.cab.map((voter) => voter.person.id),
        ),
      );

      const started = performance.now();
      let decidedAt = Number.NaN;
      const results = await Promise.allSettled(
        world.cab.map((voter) =>
          castGoVote(ctx, voter, release.number, "go", undefined).then((result) => {
            if (result.decided) decidedAt = performance.now();
            return result;
          }),
        ),
      );
      answered.push(performance.now() - started);
      decision.push(decidedAt - started);
      const after = await findRelease(handle.db, release.number);
      const decisions = await handle.db.timelineEntry.count({
        where: { ticketKind: "release", ticketId: release.id, kind: { in: ["go", "no_go"] } },
      });
      const accepted = results.filter((r) => r.status === "fulfilled").length;
      if (decisions === 1 && after.votes.length === QUORUM && accepted === QUORUM && after.decision === "go")
        consistent += 1;
    }
    console.log(
      `${provider.padEnd(10)} quorum ${QUORUM}/${VOTERS}` +
        ` | decision p50 ${ms(percentile(decision, 50))} p95 ${ms(percentile(decision, 95))}` +
        ` | all ${VOTERS} answered p50 ${ms(percentile(answered, 50))}` +
        ` | baseline ${VOTERS} bare inserts p50 ${ms(percentile(baseline, 50))} p95 ${ms(percentile(baseline, 95))}` +
        ` | consistent ${consistent}/${ROUNDS}`,
    );
  } finally {
    await handle.close();
    await created.dispose();
  }
}

/** The baseline: concurrent transactions that each insert one vote row, and nothing else. */
async function rawInserts(db: Db, releaseId: number, personIds: readonly string[]): Promise<number> {
  const at = new Date();
  const started = performance.now();
  await Promise.all(
    personIds.map((personId) =>
      db.$transaction(
        (tx) => tx.$executeRaw`
          INSERT INTO "ReleaseVote" ("releaseId", "personId", "decision", "reason", "at")
          VALUES (${releaseId}, ${personId}, 'baseline', NULL, ${at})
          ON CONFLICT ("releaseId", "personId") DO NOTHING`,
      ),
    ),
  );
  const elapsed = performance.now() - started;
  await db.$transaction((tx) => tx.releaseVote.deleteMany({ where: { releaseId, decision: "baseline" } }));
  return elapsed;
}

console.log(
  `${VOTERS} voters answering a go/no-go at once, ${ROUNDS} rounds per line (times from the first vote)`,
);
await benchProvider("sqlite");
await benchProvider("postgresql");
