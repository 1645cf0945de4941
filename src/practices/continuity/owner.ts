import type { Db, Tx } from "../../db/client.js";
import type { TicketOwner } from "../../kernel/tickets/directory.js";
import type { ItemSummary } from "../../kernel/tickets/item-ref.js";
import { type ContinuityContext, serviceName } from "./context.js";
import { formatMinutes } from "./countdown.js";
import { PLAN_KIND, RUN_PREFIX, runRef } from "./model.js";

/**
 * A service's continuity plan as the ticket directory knows it (kind PLAN, key: the service id), so a major
 * incident on the service can be linked to it and its card offer "Invoke continuity plan".
 */
export function planOwner(ctx: ContinuityContext): TicketOwner {
  return {
    prefix: PLAN_KIND,
    suggest: async () => [],
    async find(_db, key) {
      const plan = ctx.config.continuity.plans.find((p) => p.serviceId === key);
      if (!plan) return undefined;
      return {
        ref: { kind: PLAN_KIND, key },
        label: "Continuity plan",
        title: serviceName(ctx.config, key),
        status: `RTO ${formatMinutes(plan.rtoMinutes)}, MTD ${formatMinutes(plan.mtdMinutes)}`,
        open: true,
        serviceId: key,
      };
    },
    linkActions(link, on) {
      if (link.direction !== "out") return [];
      return [
        {
          id: "continuity.invoke",
          label: "Invoke continuity plan",
          style: "danger",
          value: `${on.kind}-${on.key} ${link.other.key}`,
          confirm: "Invoke the continuity plan? Its checklist and countdown start now.",
        },
      ];
    },
  };
}

/** Runs (BCP-n) as other practices see them. */
export function runOwner(ctx: ContinuityContext): TicketOwner {
  return {
    prefix: RUN_PREFIX,
    async suggest(typed) {
      const rows = await ctx.db.continuityRun.findMany({
        where: { status: "active" },
        orderBy: { number: "desc" },
        take: 50,
      });
      const digits = typed.replace(/^BCP-?/i, "");
      return rows
        .filter((r) => String(r.number).startsWith(digits))
        .map((r) => ({ value: runRef(r.number), label: serviceName(ctx.config, r.serviceId) }));
    },
    find: (db, key) => findRunSummary(ctx, db, key),
  };
}

async function findRunSummary(
  ctx: ContinuityContext,
  db: Db | Tx,
  key: string,
): Promise<ItemSummary | undefined> {
  const number = Number(key);
  if (!Number.isSafeInteger(number)) return undefined;
  const row = await db.continuityRun.findUnique({ where: { number } });
  if (!row) return undefined;
  return {
    ref: { kind: RUN_PREFIX, key },
    label: runRef(row.number),
    title: `${row.drill ? "Drill: " : ""}${serviceName(ctx.config, row.serviceId)} recovery`,
    status: row.status === "active" ? "Recovering" : "Recovered",
    open: row.status === "active",
    serviceId: row.serviceId,
  };
}
