import type { OpsdeskConfig } from "../../config/types.js";
import { type Db, transactionOptions } from "../../db/client.js";
import { markGraphChanged } from "./graph-version.js";
import { CI_PREFIX } from "./model.js";
import { ensureSystemPerson } from "./system-actor.js";
import { recordCiChange } from "./timeline.js";

/**
 * opsdesk.yaml's services are business-service CIs: each service is mirrored by a CI with the service's id
 * as its key (so `payments` names both), its name and owner group, and its `dependsOn` as confirmed
 * depends-on relationships. Services stay what incidents and changes point at; the CI is the CMDB's view of
 * the same thing, synced at every start (idempotent, one transaction). A service removed from the file
 * retires its CI, as the service itself is retired; relationships added in chat or by an import are kept.
 */
export async function syncServiceCis(db: Db, config: OpsdeskConfig, at: Date): Promise<void> {
  try {
    await syncOnce(db, config, at);
  } catch (error) {
    // Replicas starting together: another one created the same CI first; its rows are there now.
    if ((error as { code?: unknown }).code !== "P2002") throw error;
    await syncOnce(db, config, at);
  }
}

async function syncOnce(db: Db, config: OpsdeskConfig, at: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    await markGraphChanged(tx);
    const actorId = await ensureSystemPerson(tx, at);
    const byService = new Map<string, number>();
    for (const service of config.services) {
      const existing = await tx.configItem.findFirst({
        where: { OR: [{ serviceId: service.id }, { key: service.id }] },
      });
      const data = { name: service.name, ownerGroupId: service.owner ?? null };
      if (!existing) {
        const created = await tx.configItem.create({
          data: {
            key: service.id,
            ...data,
            type: "business_service",
            status: "operational",
            source: "config",
            serviceId: service.id,
            attributes: JSON.stringify({ tier: String(service.tier) }),
            createdAt: at,
            updatedAt: at,
          },
        });
        await recordCiChange(tx, {
          ciId: created.id,
          at,
          actorId,
          kind: "created",
          after: { ...data, source: "config" },
        });
        byService.set(service.id, created.id);
        continue;
      }
      byService.set(service.id, existing.id);
      const before = { name: existing.name, ownerGroupId: existing.ownerGroupId, status: existing.status };
      const after = { ...data, status: existing.status === "retired" ? "operational" : existing.status };
      if (JSON.stringify(before) === JSON.stringify(after) && existing.serviceId === service.id) continue;
      await tx.configItem.update({
        where: { id: existing.id },
        data: { ...after, serviceId: service.id, updatedAt: at, version: { increment: 1 } },
      });
      await recordCiChange(tx, { ciId: existing.id, at, actorId, kind: "updated", before, after });
    }
    // The file's dependencies are the config's to say: replaced wholesale, others left alone.
    await tx.ciRelationship.deleteMany({ where: { source: "config" } });
    for (const service of config.services) {
      for (const dependsOn of service.dependsOn) {
        const fromId = byService.get(service.id);
        const toId = byService.get(dependsOn);
        if (fromId === undefined || toId === undefined) continue;
        await tx.ciRelationship.upsert({
          where: { fromId_toId_type: { fromId, toId, type: "depends-on" } },
          create: { fromId, toId, type: "depends-on", status: "confirmed", source: "config", createdAt: at },
          update: { status: "confirmed" },
        });
      }
    }
    const gone = await tx.configItem.findMany({
      where: {
        source: "config",
        status: { not: "retired" },
        serviceId: { notIn: config.services.map((s) => s.id) },
      },
    });
    for (const ci of gone) {
      await tx.configItem.update({
        where: { id: ci.id },
        data: { status: "retired", updatedAt: at, version: { increment: 1 } },
      });
      await recordCiChange(tx, {
        ciId: ci.id,
        at,
        actorId,
        kind: "retired",
        before: { status: ci.status },
        after: { status: "retired" },
        body: `${CI_PREFIX} ${ci.key}: its service left opsdesk.yaml`,
      });
    }
  }, transactionOptions);
}
