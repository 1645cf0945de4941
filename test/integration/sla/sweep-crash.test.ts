import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, expect, it } from "vitest";
import { projectRoot } from "../../../src/paths.js";
import { createIncident } from "../../../src/practices/incidents/create-incident.js";
import { describeEachDatabase, type TestDatabase } from "../../support/databases.js";
import { type SlaWorld, seedSlaWorld, slaConfigYaml } from "./support/sla-world.js";

function databaseUrl(database: TestDatabase): string {
  const { location } = database;
  return location.provider === "sqlite" ? `file:${location.filename}` : location.url;
}

/** Runs the sweep in its own process, killed after `killAfter` clocks; resolves with what it printed. */
function sweepInChildKilledAfter(
  database: TestDatabase,
  now: Date,
  killAfter: number,
): Promise<{ signal: string | null; stdout: string; stderr: string }> {
  const root = projectRoot();
  const configPath = join(mkdtempSync(join(tmpdir(), "opsdesk-sla-crash-")), "opsdesk.yaml");
  writeFileSync(configPath, slaConfigYaml());
  const loader = pathToFileURL(join(root, "node_modules", "tsx", "dist", "loader.mjs")).href;
  const child = spawn(
    process.execPath,
    [
      "--import",
      loader,
      join(root, "test", "integration", "sla", "support", "sweep-child.ts"),
      databaseUrl(database),
      configPath,
      now.toISOString(),
      String(killAfter),
    ],
    { stdio: ["ignore", "pipe", "pipe"], env: { PATH: process.env.PATH ?? "" } },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.once("exit", (_code, signal) => resolve({ signal, stdout, stderr })));
}

describeEachDatabase("GIVEN an SLA sweep whose process is killed part-way", (db) => {
  let world: SlaWorld;
  beforeAll(async () => {
    world = await seedSlaWorld(db().handle.db);
  });

  it("THEN the rerun fires every alert the dead sweep did not, and none twice", async () => {
    world.clock.set("2026-11-10T08:00:00Z");
    const incidents = [];
    for (let i = 0; i < 30; i++)
      incidents.push(await createIncident(world.ctx, world.reporter, { title: `Disk ${i}` }));
    // Tuesday 09:00 CET + the 4h P3 response: 50 % at 11:00 CET (10:00Z).
    const now = new Date("2026-11-10T10:30:00Z");

    const killed = await sweepInChildKilledAfter(db(), now, 8);
    expect(killed.stdout, killed.stderr).toBe("");
    expect(killed.signal, killed.stderr).toBe("SIGKILL");
    const afterCrash = await db().handle.db.slaAlert.count();
    // Clocks run a few at a time: others may have committed before the kill landed, never all of them.
    expect(afterCrash).toBeGreaterThanOrEqual(8);
    expect(afterCrash).toBeLessThan(30);

    world.clock.set(now);
    const rerun = await world.sweep();
    expect(rerun.fired).toBe(30 - afterCrash);
    const alerts = await db().handle.db.slaAlert.findMany({ include: { clock: true } });
    expect(alerts).toHaveLength(30);
    expect(new Set(alerts.map((alert) => alert.clock.incidentId))).toEqual(
      new Set(incidents.map((i) => i.id)),
    );
    expect(alerts.every((alert) => alert.threshold === 50 && alert.clock.kind === "response")).toBe(true);
    // Each alert queued its channel post exactly once.
    const channelPosts = await db().handle.db.outboxMessage.count({ where: { kind: "post_alert" } });
    expect(channelPosts).toBe(30);
    expect((await world.sweep()).fired).toBe(0);
  });
});
