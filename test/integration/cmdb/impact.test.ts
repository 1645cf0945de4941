// Impact through the CMDB's graph (src/practices/cmdb/impact.ts) on a real SQLite file and a real PostgreSQL:
// a cycle ends, a diamond is walked once, a 400-deep chain is followed to the business service at its end, and
// a pending relationship counts for nothing.
import { describe, expect, it } from "vitest";
import { ciDependencies } from "../../../src/practices/cmdb/dependencies.js";
import { toCiSnapshot } from "../../../src/practices/cmdb/find-ci.js";
import { graphToken, markGraphChanged } from "../../../src/practices/cmdb/graph-version.js";
import {
  affectedBusinessServices,
  impactLine,
  impactOf,
  pathTo,
} from "../../../src/practices/cmdb/impact.js";
import { ImpactLineCache } from "../../../src/practices/cmdb/impact-cache.js";
import { seedCiGraph } from "../../support/ci-graph.js";
import { describeEachDatabase } from "../../support/databases.js";

describeEachDatabase("GIVEN a graph of configuration items", (db) => {
  const root = async (key: string) => db().handle.db.configItem.findUniqueOrThrow({ where: { key } });

  describe("WHEN what depends on a CI goes round in a cycle and through a diamond", () => {
    it("THEN each CI is in the tree once, under the CI it is nearest through", async () => {
      // 1 and 2 depend on 0; 3 depends on 1 and 2; 0 depends on 3 (the cycle); 4 is a business service on 3.
      await seedCiGraph(db().handle.db, {
        prefix: "cyc",
        count: 5,
        types: (i) => (i === 4 ? "business_service" : "database"),
        edges: [
          [1, 0],
          [2, 0],
          [3, 1],
          [3, 2],
          [0, 3],
          [4, 3],
        ],
      });
      const tree = await impactOf(db().handle.db, await root("cyc-0"));
      expect(tree.nodes.map((n) => [n.key, n.depth])).toEqual([
        ["cyc-1", 1],
        ["cyc-2", 1],
        ["cyc-3", 2],
        ["cyc-4", 3],
      ]);
      expect(impactLine(tree)).toBe("cyc 4 (business service) via cyc-0 -> cyc-1 -> cyc-3");
    });
  });

  describe("WHEN the business service sits at the end of a 400-deep chain", () => {
    it("THEN the whole chain is followed and the path names every step", async () => {
      const depth = 400;
      await seedCiGraph(db().handle.db, {
        prefix: "deep",
        count: depth + 1,
        types: (i) => (i === depth ? "business_service" : "service"),
        edges: Array.from({ length: depth }, (_, i) => [i + 1, i] as const),
      });
      const tree = await impactOf(db().handle.db, await root("deep-0"));
      expect(tree.nodes).toHaveLength(depth);
      const [service] = affectedBusinessServices(tree);
      expect(service?.key).toBe(`deep-${depth}`);
      expect(service && pathTo(tree, service)).toHaveLength(depth + 1);
    });
  });

  describe("WHEN a relationship still waits for its owner", () => {
    it("THEN it carries no impact", async () => {
      const ids = await seedCiGraph(db().handle.db, {
        prefix: "pend",
        count: 2,
        types: () => "server",
        edges: [[1, 0]],
      });
      await db().handle.db.ciRelationship.updateMany({
        where: { toId: ids[0] },
        data: { status: "pending" },
      });
      const tree = await impactOf(db().handle.db, await root("pend-0"));
      expect(tree.nodes).toEqual([]);
      expect(impactLine(tree)).toBe("no business service depends on it");
    });
  });

  describe("WHEN change conflicts ask what a CI depends on and what depends on it", () => {
    it("THEN both are followed six hops through a cycle, and the CI is not its own dependency", async () => {
      // hop-i depends on hop-(i-1) for i = 1..8; hop-0 depends on hop-8 closes the cycle.
      await seedCiGraph(db().handle.db, {
        prefix: "hop",
        count: 9,
        types: () => "service",
        edges: [...Array.from({ length: 8 }, (_, i) => [i + 1, i] as const), [0, 8]],
      });
      const reach = await ciDependencies(db().handle.db, "hop-4");
      expect([...reach.usedBy].sort()).toEqual(["hop-0", "hop-1", "hop-5", "hop-6", "hop-7", "hop-8"]);
      expect([...reach.dependsOn].sort()).toEqual(["hop-0", "hop-1", "hop-2", "hop-3", "hop-7", "hop-8"]);
      expect(await ciDependencies(db().handle.db, "no-such-ci")).toEqual({ dependsOn: [], usedBy: [] });
    });
  });

  describe("WHEN a card's impact line is cached and another replica changes the graph", () => {
    it("THEN the next card shows the new line, and a change rolled back leaves the cached line standing", async () => {
      const ids = await seedCiGraph(db().handle.db, {
        prefix: "cache",
        count: 3,
        types: (i) => (i === 0 ? "database" : "business_service"),
        edges: [[1, 0]],
      });
      const hit = toCiSnapshot(await root("cache-0"));
      const replicaA = new ImpactLineCache();
      expect(await replicaA.line(db().handle.db, hit)).toBe("cache 1 (business service) via cache-0");

      // Replica B relates cache-2 to the database, as every CMDB writer does: the graph marked changed.
      await db().handle.db.$transaction(async (tx) => {
        await markGraphChanged(tx);
        await tx.ciRelationship.create({
          data: {
            fromId: ids[2] as number,
            toId: ids[0] as number,
            type: "depends-on",
            status: "confirmed",
            source: "chat",
            createdAt: new Date(),
          },
        });
      });
      expect(await replicaA.line(db().handle.db, hit)).toBe(
        "cache 1 (business service) via cache-0; also 1 more business service",
      );

      const token = await graphToken(db().handle.db);
      await expect(
        db().handle.db.$transaction(async (tx) => {
          await markGraphChanged(tx);
          throw new Error("rolled back");
        }),
      ).rejects.toThrow("rolled back");
      expect(await graphToken(db().handle.db)).toBe(token);
      expect(await replicaA.line(db().handle.db, hit)).toBe(
        "cache 1 (business service) via cache-0; also 1 more business service",
      );
    });
  });
});
