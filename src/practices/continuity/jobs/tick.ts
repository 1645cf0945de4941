import type { OpsdeskConfig } from "../../../config/types.js";
import { type Db, transactionOptions } from "../../../db/client.js";
import type { Platform } from "../../../kernel/people/actor.js";
import { type PostText, postText } from "../../../kernel/views/post-text.js";
import { enqueueOutbox } from "../../../outbox/index.js";
import type { DirectMessageBody } from "../../../outbox/message-payload.js";
import type { JobDefinition } from "../../../scheduler/index.js";
import { serviceName } from "../context.js";
import { formatMinutes, warningDue } from "../countdown.js";
import { drillStatus } from "../drills.js";
import { queueRunPosts } from "../posts.js";
import { toRunSnapshot } from "../snapshot.js";

export interface ContinuityTickDeps {
  db: Db;
  config: OpsdeskConfig;
  platforms: readonly Platform[];
  onQueued?: () => void;
}

export interface ContinuityTickRun {
  redrawn: number;
  warnings: number;
  reminders: number;
}

/**
 * The continuity scheduler at `now`: redraws each active checklist's countdown (at most once per
 * `continuity.refreshEvery`, well inside Slack's and Discord's message-edit rate limits), posts the 50/75/90 %
 * RTO warnings once each, and reminds the owners of plans whose drill is overdue (a direct message to each
 * member of the plan's step-owner groups) once per drill period. Every
 * write is conditional (the run's version, the reminder's key), so repeated runs and replicas act once.
 */
export async function runContinuityTick(deps: ContinuityTickDeps, now: Date): Promise<ContinuityTickRun> {
  const counts: ContinuityTickRun = { redrawn: 0, warnings: 0, reminders: 0 };
  const refreshMs = deps.config.continuity.refreshEveryMinutes * 60_000;
  const active = await deps.db.continuityRun.findMany({
    where: { status: "active" },
    include: { steps: true },
  });
  for (const row of active) {
    const run = toRunSnapshot(row);
    const due = warningDue(run, now);
    const warn = due > run.warnedPercent;
    const redraw = !run.drawnAt || now.getTime() - run.drawnAt.getTime() >= refreshMs;
    if (!warn && !redraw) continue;
    await deps.db.$transaction(async (tx) => {
      const { count } = await tx.continuityRun.updateMany({
        where: { id: run.id, version: run.version },
        data: { version: { increment: 1 }, drawnAt: now, ...(warn ? { warnedPercent: due } : {}) },
      });
      if (count === 0) return;
      const after = {
        ...run,
        version: run.version + 1,
        drawnAt: now,
        warnedPercent: warn ? due : run.warnedPercent,
      };
      const drill: PostText = run.drill ? postText`DRILL · ` : [];
      await queueRunPosts(deps, tx, after, {
        kind: "update",
        now,
        ...(warn
          ? {
              line: postText`${drill}⚠ ${due}% of the RTO (${formatMinutes(run.rtoMinutes)}) is used for ${serviceName(deps.config, run.serviceId)}: ${formatMinutes(run.rtoMinutes - (run.rtoMinutes * due) / 100)} left.`,
              lineKey: `warn${due}`,
            }
          : {}),
      });
      counts.redrawn += 1;
      if (warn) counts.warnings += 1;
    }, transactionOptions);
  }
  counts.reminders = await remindOverdueDrills(deps, now);
  if (counts.redrawn + counts.reminders > 0) deps.onQueued?.();
  return counts;
}

async function remindOverdueDrills(deps: ContinuityTickDeps, now: Date): Promise<number> {
  const periodMs = deps.config.continuity.drillEveryMinutes * 60_000;
  const period = Math.floor(now.getTime() / periodMs);
  let sent = 0;
  for (const status of await drillStatus(deps.db, deps.config, now)) {
    if (!status.overdue) continue;
    const { plan } = status;
    await deps.db.$transaction(async (tx) => {
      const inserted = await tx.$executeRaw`
        INSERT INTO "ContinuityReminder" ("serviceId", "period", "sentAt")
        VALUES (${plan.serviceId}, ${period}, ${now})
        ON CONFLICT ("serviceId", "period") DO NOTHING`;
      if (inserted !== 1) return;
      const owners = [...new Set(plan.steps.map((step) => step.ownerGroupId))];
      const members = await tx.groupMember.findMany({ where: { groupId: { in: owners } } });
      const last = status.lastDrill
        ? postText`last drilled ${status.lastDrillText}`
        : postText`never drilled`;
      const text = postText`Drill overdue: the continuity plan for ${serviceName(deps.config, plan.serviceId)} was ${last}. Run /continuity drill ${plan.serviceId}.`;
      // The owners are the plan's step owners: each is told privately, so no channel fills with reminders.
      for (const platform of deps.platforms) {
        const identities = await tx.identity.findMany({
          where: { platform, personId: { in: members.map((m) => m.personId) } },
          orderBy: { externalId: "asc" },
        });
        for (const identity of identities) {
          const body: DirectMessageBody = { text };
          await enqueueOutbox(tx, {
            platform,
            channelId: identity.externalId,
            orderingKey: `dm:${platform}:${identity.externalId}`,
            kind: "direct_message",
            idempotencyKey: `continuity:drill-reminder:${plan.serviceId}:${period}:${platform}:${identity.externalId}`,
            body,
            at: now,
          });
        }
      }
      sent += 1;
    }, transactionOptions);
  }
  return sent;
}

/** Every minute, one replica per slot; a slot run twice changes nothing (every write is conditional). */
export function continuityTickJob(deps: ContinuityTickDeps): JobDefinition {
  return {
    name: "continuity-tick",
    every: "1m",
    async run({ now }) {
      await runContinuityTick(deps, now);
    },
  };
}
