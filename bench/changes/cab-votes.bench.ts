/**
 * A CAB of 15 voting within the same second, on SQLite and on PostgreSQL: how long until the decision, and
 * whether the outcome is right (exactly one decision, every counted vote counted once, the rest refused).
 * Each vote runs the real path: checks, claim of the change row, vote row, tally, decision, timeline and the
 * outbox post that updates the approval prompt. Baseline, in the same run on the same database: 15
 * concurrent transactions that only insert a vote row each (the floor cost of 15 simultaneous writes).
 * Not a timed test; run with `npx tsx bench/changes/cab-votes.bench.ts` (PostgreSQL on 127.0.0.1:5432).
 */
import { defaultConfig } from "../../src/config/defaults.js";
import { type Db, openDatabase } from "../../src/db/client.js";
import { applyChangeAction } from "../../src/practices/changes/apply-change-action.js";
import { castVote } from "../../src/practices/changes/cast-vote.js";
import { createChange } from "../../src/practices/changes/create-change.js";
import { findChange } from "../../src/practices/changes/find-change.js";
import { changePostsHook } from "../../src/practices/changes/posts.js";
import { seedChangeWorld } from "../../test/support/change-fixtures.js";
import { createTestDatabase } from "../../test/support/databases.js";

const CAB = 15;
const ROUNDS = 20;

interface Round {
  decisionMs: number;
  allAnsweredMs: number;
  decisions: number;
  counted: number;
  refused: number;
  consistent: boolean;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;

async function benchProvider(provider: "sqlite" | "postgresql"): Promise<void> {
  const created = await createTestDatabase(provider);
  const handle = await openDatabase(created.location, { poolSize: 20 });
  try {
    const world = await seedChangeWorld(handle.db, provider, { cabSize: CAB });
    const base = defaultConfig();
    const config = {
      ...base,
      channels: { ...base.channels, approvals: { ...base.channels.approvals, slack: "C0APPROVALS" } },
    };
    world.ctx.onChange = [changePostsHook({ config, platforms: ["slack"] })];
    world.clock.set(new Date());

    for (const quorum of [8, 15]) {
      const ctx = {
        ...world.ctx,
        settings: {
          ...world.ctx.settings,
          normal: { approvers: `cab-${provider}`, quorum: { kind: "count" as const, value: quorum } },
        },
      };
      const rounds: Round[] = [];
      const baseline: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const day = new Date(Date.now() + (round + 2 + quorum * ROUNDS) * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const { change } = await createChange(ctx, world.requester, {
          title: `CAB bench ${quorum}/${round}`,
          start: `${day} 22:00`,
          end: `${day} 23:00`,
        });
        await applyChangeAction(ctx, world.requester, change.number, { type: "submit" });
        await applyChangeAction(ctx, world.requester, change.number, { type: "request_approval" });
        // Baseline first, on the same change, then cleared: the votes below start from an empty ballot.
        baseline.push(
          await rawInserts(
            handle.db,
            change.id,
            world.cab.map((voter) => voter.person.id),
          ),
        );

        const started = performance.now();
        let decidedAt = Number.NaN;
        const results = await Promise.allSettled(
          world.cab.map((voter) =>
            castVote(ctx, voter, change.number, { decision: "approve" }).then((result) => {
              if (result.decided) decidedAt = performance.now();
              return result;
            }),
          ),
        );
        const allAnswered = performance.now();
        const after = await findChange(handle.db, change.number);
        const decisions = await handle.db.timelineEntry.count({
          where: { ticketKind: "change", ticketId: change.id, kind: { in: ["approved", "rejected"] } },
        });
        const counted = after.votes.length;
        const accepted = results.filter((r) => r.status === "fulfilled").length;
        const refused = results.filter((r) => r.status === "rejected").length;
        rounds.push({
          decisionMs: decidedAt - started,
          allAnsweredMs: allAnswered - started,
          decisions,
          counted,
          refused,
          consistent:
            decisions === 1 && counted === quorum && accepted === quorum && after.status === "scheduled",
        });
      }
      const decision = rounds.map((r) => r.decisionMs);
      const answered = rounds.map((r) => r.allAnsweredMs);
      const ok = rounds.filter((r) => r.consistent).length;
      console.log(
        `${provider.padEnd(10)} quorum ${String(quorum).padStart(2)}/${CAB}` +
          ` | decision p50 ${ms(percentile(decision, 50))} p95 ${ms(percentile(decision, 95))}` +
          ` | all 15 answered p50 ${ms(percentile(answered, 50))}` +
          ` | baseline 15 bare inserts p50 ${ms(percentile(baseline, 50))} p95 ${ms(percentile(baseline, 95))}` +
          ` | consistent ${ok}/${ROUNDS} (one decision, ${quorum} votes counted once, ${CAB - quorum} refused)`,
      );
    }
  } finally {
    await handle.close();
    await created.dispose();
  }
}

/** The baseline: 15 concurrent transactions that each insert one vote row, and nothing else. */
async function rawInserts(db: Db, changeId: number, personIds: readonly string[]): Promise<number> {
  const at = new Date();
  const started = performance.now();
  await Promise.all(
    personIds.map((personId) =>
      db.$transaction(
        (tx) => tx.$executeRaw`
          INSERT INTO "ChangeVote" ("changeId", "personId", "decision", "reason", "at")
          VALUES (${changeId}, ${personId}, 'baseline', NULL, ${at})
          ON CONFLICT ("changeId", "personId") DO NOTHING`,
      ),
    ),
  );
  const elapsed = performance.now() - started;
  await db.$transaction((tx) => tx.changeVote.deleteMany({ where: { changeId, decision: "baseline" } }));
  return elapsed;
}

console.log(`A CAB of ${CAB} voting at once, ${ROUNDS} rounds per line (times from the first vote sent)`);
await benchProvider("sqlite");
await benchProvider("postgresql");
