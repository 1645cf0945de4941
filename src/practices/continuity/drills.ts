import type { ContinuityPlan } from "../../config/continuity-schema.js";
import type { OpsdeskConfig } from "../../config/types.js";
import type { Db, Tx } from "../../db/client.js";
import { formatLocal } from "../../kernel/dates/local-date-time.js";
import { type RunSnapshot, runRef } from "./model.js";
import { toRunSnapshot } from "./snapshot.js";

export interface PlanStatus {
  plan: ContinuityPlan;
  /** The latest drill, finished or not. */
  lastDrill: RunSnapshot | undefined;
  lastDrillText: string;
  /** The latest real recovery. */
  lastLive: RunSnapshot | undefined;
  active: RunSnapshot | undefined;
  /** No drill within `continuity.drillEvery` (ITIL 4: a plan that is not exercised is not a plan). */
  overdue: boolean;
}

export async function drillStatus(db: Db | Tx, config: OpsdeskConfig, now: Date): Promise<PlanStatus[]> {
  const periodMs = config.continuity.drillEveryMinutes * 60_000;
  const statuses: PlanStatus[] = [];
  for (const plan of config.continuity.plans) {
    const latest = async (where: Record<string, unknown>) => {
      const row = await db.continuityRun.findFirst({
        where: { serviceId: plan.serviceId, ...where },
        orderBy: { startedAt: "desc" },
        include: { steps: true },
      });
      return row ? toRunSnapshot(row) : undefined;
    };
    const lastDrill = await latest({ drill: true });
    const lastLive = await latest({ drill: false });
    const active = await latest({ status: "active" });
    statuses.push({
      plan,
      lastDrill,
      lastDrillText: lastDrill
        ? `${formatLocal(lastDrill.startedAt, config.timezone)} (${runRef(lastDrill.number)})`
        : "never",
      lastLive,
      active,
      overdue: !lastDrill || now.getTime() - lastDrill.startedAt.getTime() > periodMs,
    });
  }
  return statuses;
}
