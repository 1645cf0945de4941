// opsdesk.yaml's services as business-service CIs (src/practices/cmdb/sync-services.ts) on a real SQLite file
// and a real PostgreSQL: mirrored with their dependencies, idempotent, a service removed from the file retires
// its CI, and relationships added in chat survive the next start.
import { beforeAll, describe, expect, it } from "vitest";
import { syncConfigToDatabase } from "../../../src/app/sync-config.js";
import { defaultConfig } from "../../../src/config/defaults.js";
import type { OpsdeskConfig } from "../../../src/config/types.js";
import { syncServiceCis } from "../../../src/practices/cmdb/sync-services.js";
import { describeEachDatabase } from "../../support/databases.js";

const at = new Date("2026-12-05T07:00:00Z");
const service = (id: string, dependsOn: string[] = []) => ({
  id,
  name: id.toUpperCase(),
  tier: 2 as const,
  channels: {},
  dependsOn,
});

describeEachDatabase("GIVEN services declared in opsdesk.yaml", (db) => {
  const config = (services: OpsdeskConfig["services"]): OpsdeskConfig => ({ ...defaultConfig(), services });
  const start = async (services: OpsdeskConfig["services"]) => {
    await syncConfigToDatabase(db().handle.db, db().provider, config(services));
    await syncServiceCis(db().handle.db, config(services), at);
  };
  beforeAll(() => start([service("checkout", ["payments"]), service("payments")]));

  describe("WHEN OpsDesk starts twice", () => {
    it("THEN each service is one business-service CI with its dependency, and the second start changes nothing", async () => {
      await start([service("checkout", ["payments"]), service("payments")]);
      const cis = await db().handle.db.configItem.findMany({ orderBy: { key: "asc" } });
      expect(cis.map((ci) => [ci.key, ci.type, ci.status, ci.serviceId])).toEqual([
        ["checkout", "business_service", "operational", "checkout"],
        ["payments", "business_service", "operational", "payments"],
      ]);
      const relationships = await db().handle.db.ciRelationship.findMany({
        include: { from: true, to: true },
      });
      expect(relationships.map((r) => `${r.from.key} ${r.type} ${r.to.key}`)).toEqual([
        "checkout depends-on payments",
      ]);
      expect(await db().handle.db.timelineEntry.count({ where: { ticketKind: "ci" } })).toBe(2);
    });
  });

  describe("WHEN a service leaves the file and a relationship was added in chat", () => {
    it("THEN its CI is retired, the file's dependency goes, and the chat relationship stays", async () => {
      const [checkout, payments] = await Promise.all(
        ["checkout", "payments"].map((key) =>
          db().handle.db.configItem.findUniqueOrThrow({ where: { key } }),
        ),
      );
      if (!checkout || !payments) throw new Error("CIs missing");
      await db().handle.db.ciRelationship.create({
        data: {
          fromId: payments.id,
          toId: checkout.id,
          type: "connects-to",
          status: "confirmed",
          source: "chat",
          createdAt: at,
        },
      });
      await start([service("checkout")]);
      expect((await db().handle.db.configItem.findUniqueOrThrow({ where: { key: "payments" } })).status).toBe(
        "retired",
      );
      const left = await db().handle.db.ciRelationship.findMany();
      expect(left.map((r) => [r.type, r.source])).toEqual([["connects-to", "chat"]]);
    });
  });
});
