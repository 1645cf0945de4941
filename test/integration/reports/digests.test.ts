// The weekly digest is queued once per slot: before its time nothing, at its time its charts, a minute later
// nothing more, and two replicas running the job at once queue it once between them; on both engines.
import { beforeAll, expect, it } from "vitest";
import type { DigestSettings } from "../../../src/config/types.js";
import { plainPostText, readPostText } from "../../../src/kernel/views/post-text.js";
import type { ReportsContext } from "../../../src/practices/reports/context.js";
import { runDigests } from "../../../src/practices/reports/jobs/digests.js";
import { describeEachDatabase, secondReplicaDb } from "../../support/databases.js";
import { seedReportData } from "./seed.js";

const digest: DigestSettings = {
  id: "weekly",
  reports: ["incidents", "backlog"],
  period: "7d",
  channel: { slack: "C0DIGEST", console: "#reports" },
  day: "mon",
  time: "09:00",
};

describeEachDatabase("GIVEN a weekly digest on Mondays at 09:00", (database) => {
  const second = secondReplicaDb(database);
  const context = (db: ReportsContext["db"]): ReportsContext => ({
    db,
    clock: { now: () => new Date() },
    timezone: "UTC",
    serviceIds: new Set(["payments", "web"]),
    platforms: ["slack", "console"],
    onQueued: () => undefined,
  });
  beforeAll(async () => {
    await seedReportData(database().handle.db);
  });
  const rows = () =>
    database().handle.db.outboxMessage.findMany({
      where: { idempotencyKey: { startsWith: "digest:" } },
      orderBy: { id: "asc" },
    });

  it("THEN it waits for its time, queues each chart once per channel, and never again for that slot", async () => {
    const deps = { reports: context(database().handle.db), digests: [digest] };
    expect(await runDigests(deps, new Date("2026-11-16T08:59:00Z"))).toBe(0);
    // 3 incident charts and 1 backlog chart, to Slack and to the console.
    expect(await runDigests(deps, new Date("2026-11-16T09:00:00Z"))).toBe(8);
    expect(await runDigests(deps, new Date("2026-11-16T09:01:00Z"))).toBe(0);
    const queued = await rows();
    expect(queued.map((row) => [row.platform, row.channelId, row.kind])).toEqual(
      expect.arrayContaining([
        ["slack", "C0DIGEST", "post_image"],
        ["console", "#reports", "post_image"],
      ]),
    );
    expect(queued).toHaveLength(8);
    // The first chart carries the report's figures as text.
    expect(plainPostText(readPostText(JSON.parse(queued[0]?.payload ?? "{}").body.text))).toContain(
      "Weekly digest · Incidents, the last 7 days: Incidents raised per week, by priority",
    );
  });

  it("THEN two replicas running the next week's slot at once queue it once between them", async () => {
    const before = (await rows()).length;
    const at = new Date("2026-11-23T09:00:00Z");
    const [a, b] = await Promise.all([
      runDigests({ reports: context(database().handle.db), digests: [digest] }, at),
      runDigests({ reports: context(second()), digests: [digest] }, at),
    ]);
    expect(a + b).toBe(8);
    expect((await rows()).length - before).toBe(8);
  });

  it("THEN a desk that was down for longer than the catch-up window does not post last week's digest", async () => {
    expect(
      await runDigests(
        { reports: context(database().handle.db), digests: [{ ...digest, id: "late" }] },
        new Date("2026-11-23T16:00:00Z"),
      ),
    ).toBe(0);
  });
});
