/**
 * From a submitted request form to the approvers' direct messages queued, at 1 and 50 requests in flight,
 * on SQLite and PostgreSQL. Each request runs the practice's real path for a submitted form: the item's
 * checks, the approvers of its first stage (a group of 5 with a quorum of 2), the next REQ number, the
 * request, approver and task rows, its two SLA clocks, the timeline, the card and one direct message per
 * approver in the outbox. Baseline, in the same run on the same database: raising an incident the same way
 * (its checks, next INC number, row, its two SLA clocks, timeline and its card in the outbox through the
 * incident hooks).
 * Not a timed test; run with `npx tsx bench/requests/submit-to-dms.bench.ts` (PostgreSQL on 127.0.0.1:5432).
 */
import { defaultConfig } from "../../src/config/defaults.js";
import type { CatalogItem } from "../../src/config/request-settings.js";
import type { OpsdeskConfig } from "../../src/config/types.js";
import { openDatabase } from "../../src/db/client.js";
import { ManualClock } from "../../src/kernel/clock.js";
import { actorForPerson } from "../../src/kernel/people/resolve-actor.js";
import { itilPriorityMatrix } from "../../src/kernel/priority.js";
import { createIncident } from "../../src/practices/incidents/create-incident.js";
import { incidentPostsHook } from "../../src/practices/incidents/posts.js";
import { slaClocksHook } from "../../src/practices/incidents/sla/clock-hook.js";
import { createSlaRuntime } from "../../src/practices/incidents/sla/runtime.js";
import type { RequestContext } from "../../src/practices/requests/context.js";
import { submitRequest } from "../../src/practices/requests/submit.js";
import { createTestDatabase } from "../../test/support/databases.js";

const ROUNDS = 5;
const APPROVERS = 5;

const item: CatalogItem = {
  id: "access",
  name: "Access to a system",
  description: "",
  category: "access",
  requestableBy: [],
  fields: [
    {
      id: "system",
      label: "System",
      type: "choice",
      required: true,
      options: [{ value: "payments", label: "Payments" }],
      maxLength: 200,
    },
    { id: "reason", label: "Why", type: "longtext", required: true, options: [], maxLength: 500 },
  ],
  approval: [{ kind: "group", group: "approvers", quorum: { kind: "count", value: 2 } }],
  taskOrder: "parallel",
  tasks: [{ title: "Grant access", group: "approvers", instructions: "Grant {system} to {requester}." }],
  sla: {
    response: { text: "4h", ms: 4 * 3_600_000 },
    fulfilment: { text: "24h", ms: 24 * 3_600_000 },
    calendar: "24x7",
  },
};

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const ms = (value: number) => `${value.toFixed(1).padStart(8)} ms`;

/** Runs `inFlight` at once, ROUNDS times: per-operation latencies (ms). */
async function measure(inFlight: number, once: (i: number) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let n = 0;
  for (let round = 0; round < ROUNDS; round++) {
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        const i = n++;
        const start = performance.now();
        await once(i);
        latencies.push(performance.now() - start);
      }),
    );
  }
  return latencies;
}

async function benchProvider(provider: "sqlite" | "postgresql"): Promise<void> {
  const created = await createTestDatabase(provider);
  const handle = await openDatabase(created.location, { poolSize: 20 });
  const db = handle.db;
  try {
    await db.group.create({
      data: { id: "approvers", name: "Approvers", roles: { create: [{ role: "agent" }] } },
    });
    const ids = ["requester", ...Array.from({ length: APPROVERS }, (_, i) => `approver-${i}`)];
    for (const id of ids) {
      await db.person.create({ data: { id, displayName: id } });
      await db.identity.create({
        data: {
          platform: "slack",
          externalId: `U0${id.toUpperCase().replace(/[^A-Z0-9]/g, "")}`,
          personId: id,
        },
      });
    }
    await db.groupMember.createMany({
      data: ids.slice(1).map((personId) => ({ groupId: "approvers", personId })),
    });
    const actor = await actorForPerson(db, "requester");
    if (!actor) throw new Error("no requester");
    const base = defaultConfig();
    const channels = {
      ...base.channels,
      approvals: { ...base.channels.approvals, slack: "C0APPROVALS" },
      incidents: { ...base.channels.incidents, slack: "C0INCIDENTS" },
    };
    const config: OpsdeskConfig = { ...base, channels, requests: { ...base.requests, items: [item] } };
    const clock = new ManualClock(new Date());
    const sla = createSlaRuntime(config);
    const requests: RequestContext = { db, clock, config, platforms: ["slack"] };
    const incidents = {
      db,
      clock,
      priorityMatrix: itilPriorityMatrix,
      onChange: [slaClocksHook(sla), incidentPostsHook({ config, platforms: ["slack"], sla })],
    };

    const submit = () =>
      submitRequest(requests, actor, "slack", {
        itemId: "access",
        raw: { system: "payments", reason: "Payments migration" },
        fromForm: true,
      });
    const raise = (i: number) =>
      createIncident(incidents, actor, {
        title: `Payments API is slow ${i}`,
        impact: "high",
        urgency: "high",
      });

    console.log(`\n${provider}: ${ROUNDS} rounds, ${APPROVERS} approvers per request`);
    for (const inFlight of [1, 50]) {
      await measure(inFlight, raise); // warm-up on the same path
      const incident = await measure(inFlight, raise);
      const request = await measure(inFlight, submit);
      const line = (name: string, values: number[]) =>
        `  ${String(inFlight).padStart(2)} in flight  ${name.padEnd(22)} p50 ${ms(percentile(values, 50))}  p95 ${ms(percentile(values, 95))}`;
      console.log(line("raise incident (base)", incident));
      console.log(line("request -> DMs queued", request));
    }
    const dms = await db.outboxMessage.count({ where: { kind: "direct_message" } });
    const submitted = await db.serviceRequest.count();
    const clocks = await db.requestSlaClock.count();
    console.log(`  check: ${clocks} request SLA clocks (expected ${submitted * 2})`);
    console.log(
      `  check: ${submitted} requests, ${dms} direct messages queued (expected ${submitted * APPROVERS})`,
    );
  } finally {
    await handle.close();
    await created.dispose();
  }
}

await benchProvider("sqlite");
await benchProvider("postgresql");
