// What the console costs a desk that also runs Slack, and how fast its page and API answer.
// 1. Raise incidents and acknowledge them (each change queues a card post or update and a thread line per
//    platform), then deliver everything, with OPSDESK_CONSOLE=off (Slack only: the baseline) and on (Slack
//    and the console), in the same run against the same local Slack.
// 2. With a channel of 200 cards: GET /console (the server-rendered page) and GET /console/api/messages,
//    beside GET /healthz on the same server as the baseline.
// Usage: npx tsx bench/console/overhead.ts [incidents, default 200] [requests, default 200]

import { setTimeout as sleep } from "node:timers/promises";
import { actorForPerson } from "../../src/kernel/people/resolve-actor.js";
import { applyIncidentAction } from "../../src/practices/incidents/apply-incident-action.js";
import { createIncident } from "../../src/practices/incidents/create-incident.js";
import { startFakeSlack } from "../../test/fakes/slack/server.js";
import { channels, people } from "../../test/support/desk-config.js";
import { type DeskProcess, startDesk } from "../../test/support/desk-world.js";

const incidents = Number(process.argv[2] ?? 200);
const requests = Number(process.argv[3] ?? 200);

interface Stats {
  p50: number;
  p95: number;
  mean: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

async function raiseAndAck(desk: DeskProcess): Promise<{ ms: number; rows: number }> {
  const { incidents: ctx, database } = desk.opsdesk;
  const rita = await actorForPerson(database.db, people.rita.id);
  const ada = await actorForPerson(database.db, people.ada.id);
  if (!rita || !ada) throw new Error("desk people missing");
  const started = performance.now();
  for (let i = 0; i < incidents; i++) {
    const incident = await createIncident(ctx, rita, {
      title: `Bench incident ${i}`,
      impact: "low",
      urgency: "low",
    });
    await applyIncidentAction(ctx, ada, incident.number, { type: "acknowledge" });
  }
  await deliverAll(desk);
  const ms = performance.now() - started;
  const rows = await database.db.outboxMessage.count({ where: { status: "delivered" } });
  return { ms, rows };
}

/** The background dispatcher may hold the last rows when drain() finds nothing to claim: wait for them. */
async function deliverAll(desk: DeskProcess): Promise<void> {
  const open = { status: { in: ["pending", "delivering"] } };
  while ((await desk.opsdesk.database.db.outboxMessage.count({ where: open })) > 0) {
    if ((await desk.opsdesk.outbox.drain()) === 0) await sleep(5);
  }
}

async function timeGets(url: string): Promise<Stats> {
  const samples: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

const fmt = (s: Stats) =>
  `p50 ${s.p50.toFixed(2)} ms  p95 ${s.p95.toFixed(2)} ms  mean ${s.mean.toFixed(2)} ms`;

const fake = await startFakeSlack({
  users: Object.values(people).map((p) => ({ id: p.slack, name: p.id, real_name: p.name })),
  channels: Object.entries(channels.slack).map(([name, id]) => ({ id, name })),
});
const slackEnv = {
  SLACK_BOT_TOKEN: fake.botToken,
  SLACK_SIGNING_SECRET: "bench-signing-secret-0000",
  SLACK_API_URL: fake.apiUrl,
};

console.log(`Raise + acknowledge ${incidents} incidents, then deliver every post (SQLite):`);
const results: Record<string, { ms: number; rows: number }> = {};
for (const mode of ["off", "on"] as const) {
  const desk = await startDesk({ ...slackEnv, OPSDESK_CONSOLE: mode });
  try {
    results[mode] = await raiseAndAck(desk);
  } finally {
    await desk.close();
  }
}
for (const [mode, r] of Object.entries(results)) {
  const label = mode === "off" ? "Slack only (console off)" : "Slack + console (default)";
  console.log(
    `  ${label.padEnd(26)} ${r.ms.toFixed(0).padStart(6)} ms  ${(r.ms / incidents).toFixed(2)} ms/incident  ${r.rows} outbox rows delivered`,
  );
}

const desk = await startDesk({});
try {
  const world = desk.opsdesk;
  const rita = await actorForPerson(world.database.db, people.rita.id);
  if (!rita) throw new Error("rita missing");
  for (let i = 0; i < 200; i++)
    await createIncident(world.incidents, rita, { title: `Card ${i}`, impact: "low", urgency: "low" });
  await deliverAll(desk);
  console.log(`\nGET latency, ${requests} sequential requests, channel with 200 cards:`);
  console.log(`  /healthz (baseline)        ${fmt(await timeGets(`${world.url}/healthz`))}`);
  console.log(
    `  /console (page)            ${fmt(await timeGets(`${world.url}/console?channel=%23incidents&as=ada`))}`,
  );
  console.log(
    `  /console/api/messages      ${fmt(await timeGets(`${world.url}/console/api/messages?channel=%23incidents&as=ada`))}`,
  );
} finally {
  await desk.close();
  await fake.close();
}
