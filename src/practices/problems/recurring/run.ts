import type { OpsdeskConfig } from "../../../config/types.js";
import { type Tx, transactionOptions } from "../../../db/client.js";
import type { Platform } from "../../../kernel/people/actor.js";
import type { CardBody } from "../../../outbox/card-payload.js";
import { cardOrderingKey, enqueueOutbox } from "../../../outbox/index.js";
import type { ProblemContext } from "../context.js";
import { problemChannel } from "../posts.js";
import { type ClusterView, clusterCard } from "./card.js";
import { lookAlikeClusters } from "./find-clusters.js";

export interface RecurringDeps {
  problems: ProblemContext;
  config: OpsdeskConfig;
  platforms: readonly Platform[];
}

export const RECURRING_TICKET_KIND = "recurring";

const keyChunk = 500;

/**
 * The recurring-incident job at `now`: incidents of the last `problems.recurring.within` (opsdesk.yaml,
 * default 7 days) that no problem covers and no earlier suggestion named, clustered by look-alike
 * (find-clusters.ts); each cluster of at least `problems.recurring.count` (default 3) is posted once to its
 * service's channel. Incidents are read through the ticket directory (the incidents practice's `recent`),
 * never from their tables. One transaction: the cluster's incident keys are unique, so two replicas running
 * at the same moment post once (the loser's transaction fails and posts nothing). Returns the clusters posted.
 */
export async function runRecurringIncidents(deps: RecurringDeps, now: Date): Promise<number> {
  const { problems, config } = deps;
  const incidents = problems.tickets.owner("INC");
  if (!incidents?.recent) return 0;
  const { count, withinMinutes } = config.problems.recurring;
  const since = new Date(now.getTime() - withinMinutes * 60_000);
  const posted = await problems.db.$transaction(async (tx) => {
    const recent = (await incidents.recent?.(tx, since)) ?? [];
    const keys = recent.map((item) => item.ref.key);
    const covered = new Set<string>();
    const suggested = new Set<string>();
    // In chunks: a window can hold more incidents than an engine takes parameters (Prisma bounds SQLite to a few hundred bound values per query).
    for (let i = 0; i < keys.length; i += keyChunk) {
      const chunk = keys.slice(i, i + keyChunk);
      const links = await tx.ticketLink.findMany({
        where: { fromKind: "INC", fromKey: { in: chunk }, relation: "problem" },
        select: { fromKey: true },
      });
      for (const link of links) covered.add(link.fromKey);
      const rows = await tx.recurringClusterIncident.findMany({
        where: { incidentKey: { in: chunk } },
        select: { incidentKey: true },
      });
      for (const row of rows) suggested.add(row.incidentKey);
    }
    const candidates = recent.filter(
      (item) => item.serviceId && !covered.has(item.ref.key) && !suggested.has(item.ref.key),
    );
    let made = 0;
    for (const cluster of lookAlikeClusters(candidates)) {
      if (cluster.length < count) continue;
      await postCluster(deps, tx, cluster, now, Math.round(withinMinutes / 1440));
      made += 1;
    }
    return made;
  }, transactionOptions);
  if (posted > 0) problems.onCommitted?.();
  return posted;
}

async function postCluster(
  deps: RecurringDeps,
  tx: Tx,
  cluster: readonly {
    ref: { key: string };
    label: string;
    title: string;
    serviceId?: string | null | undefined;
  }[],
  now: Date,
  days: number,
): Promise<void> {
  const serviceId = cluster[0]?.serviceId ?? "";
  const row = await tx.recurringCluster.create({
    data: {
      serviceId,
      status: "posted",
      createdAt: now,
      incidents: { create: cluster.map((item) => ({ incidentKey: item.ref.key })) },
    },
  });
  const serviceName = deps.config.services.find((s) => s.id === serviceId)?.name ?? serviceId;
  const view: ClusterView = {
    id: row.id,
    serviceName,
    days,
    incidents: cluster.map((item) => ({ label: item.label, title: item.title })),
    status: "posted",
  };
  await queueClusterCard(deps, tx, view, serviceId, now, "post_card");
}

export async function queueClusterCard(
  deps: Pick<RecurringDeps, "config" | "platforms">,
  tx: Tx,
  view: ClusterView,
  serviceId: string,
  at: Date,
  kind: "post_card" | "update_card",
): Promise<void> {
  const card = clusterCard(view);
  for (const platform of deps.platforms) {
    const channelId = problemChannel(deps.config, platform, serviceId);
    if (!channelId) continue;
    const body: CardBody = { card };
    await enqueueOutbox(tx, {
      idempotencyKey: `recurring:${view.id}:${view.status}:${platform}`,
      platform,
      channelId,
      orderingKey: cardOrderingKey(RECURRING_TICKET_KIND, view.id, platform),
      ref: { ticketKind: RECURRING_TICKET_KIND, ticketId: view.id, purpose: "card" },
      kind,
      body,
      at,
    });
  }
}
