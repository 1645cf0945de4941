// Two real OpsDesk processes on one PostgreSQL database, both running the scheduler's sla-sweep every
// second: each SLA alert is recorded once and posted to Slack once, whichever replica swept it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { channels, deskConfigYaml, people } from "../../support/desk-config.js";
import { postgresAvailability } from "../../support/postgres.js";
import { type ReplicaSet, startReplicaSet } from "../../support/replicas.js";

const postgres = await postgresAvailability();
const run = postgres.available ? describe : describe.skip;

// Seconds-long targets so real time makes the alerts due within the test.
const configYaml = `${deskConfigYaml}
sla:
  sweepInterval: 1s
  policies:
    - { priority: P1, calendar: 24x7, response: 3s, resolution: 6s, thresholds: [50] }
`;

run("GIVEN two OpsDesk replicas sweeping SLA clocks on one PostgreSQL database", () => {
  let set: ReplicaSet;
  beforeAll(async () => {
    set = await startReplicaSet({ count: 2, provider: "postgresql", configYaml });
  }, 60_000);
  afterAll(async () => {
    await set?.close();
  });

  it("THEN every warning and breach is recorded once and posted to the SLA channel once", async () => {
    const refs: string[] = [];
    for (let i = 0; i < 4; i++) {
      const replica = set.replicas[i % 2];
      await replica?.slack.command({
        command: "/incident",
        text: `Checkout down ${i} impact:high urgency:high service:payments`,
        userId: people.rita.slack,
        channelId: channels.slack.incidents,
      });
      const reply = await set.fake.waitForCall(
        "response_url",
        (c) => String(c.args.text ?? "").includes(`Checkout down ${i}`),
        10_000,
      );
      refs.push(/INC-\d+/.exec(String(reply.args.text))?.[0] ?? "");
    }
    // Response and resolution each warn at 50 % and breach: four alerts per incident.
    await vi.waitFor(
      async () => {
        expect(await set.db.slaAlert.count()).toBe(16);
        expect(
          await set.db.outboxMessage.count({ where: { status: { in: ["pending", "delivering"] } } }),
        ).toBe(0);
      },
      { timeout: 60_000, interval: 250 },
    );
    const posted = set.fake.messagesIn(channels.slack.alerts).map((message) => message.text);
    expect(posted).toHaveLength(16);
    for (const ref of refs) {
      expect(posted.filter((text) => text.includes(`SLA breached: ${ref} `))).toHaveLength(2);
      expect(posted.filter((text) => text.includes(`SLA warning: ${ref} `))).toHaveLength(2);
    }
    // Both replicas swept, one per slot.
    const { finished } = set.runsOf("sla-sweep");
    const slots = finished.map((run) => run.slot);
    expect(new Set(slots).size).toBe(slots.length);
    expect(new Set(finished.map((run) => run.replica)).size).toBe(2);
  }, 120_000);
});
