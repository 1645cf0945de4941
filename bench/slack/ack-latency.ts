// Slack slash-command ack latency: a bare Bolt app that only acks `/incident` beside OpsDesk raising an
// incident from `/incident <text> service:payments`, measured in one run with correctly signed requests
// from the same client against the same local Slack; for OpsDesk also the time until the incident's card
// is posted at the local Slack, and checks that every request made exactly one incident and one card.
//
// OpsDesk, the bare app and the local Slack share the main thread, as in the end-to-end tests; the client
// runs in a worker thread (load-client.ts) so its own work does not delay, nor get delayed by, the servers'.
// Usage: npx tsx bench/slack/ack-latency.ts [requests per scenario, default 300] [warm-up, default 30]
import { randomBytes } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { App, LogLevel } from "@slack/bolt";
import { commandFields } from "../../test/fakes/slack/payloads.js";
import type { FakeSlack, RecordedCall } from "../../test/fakes/slack/server.js";
import { channels, people } from "../../test/support/desk-config.js";
import { type SlackWorld, signingSecret, startSlackWorld } from "../../test/support/slack-world.js";
import { ms, p99Verdict, row, type Stats, sideBySide, stats } from "../support/latency.js";
import { TsxWorker } from "../support/tsx-worker.js";
import type { LoadRequest, LoadResult } from "./load-client.js";

const requests = Number(process.argv[2] ?? 300);
const warmup = Number(process.argv[3] ?? 30);
const loads = [1, 50] as const;
const targets = ["bare", "opsdesk"] as const;
type Target = (typeof targets)[number];
/** Tags this run's titles, so they are unique and easy to find again. */
const tag = randomBytes(3).toString("hex");
const tokenPattern = new RegExp(`bench-${tag}-[a-z]+-c\\d+(?:-w)?-\\d{4}`);

/** Wall-clock milliseconds with sub-millisecond resolution, comparable with the worker's. */
const now = () => performance.timeOrigin + performance.now();

/** What had happened by the time the last request of a load was acked, and how busy the main thread was. */
interface LoadReport {
  shots: Shot[];
  /** OpsDesk only: private "INC-n is raised" replies sent (so incidents committed) by the last ack. */
  raisedByLastAck: number;
  /** OpsDesk only: cards posted by the last ack. */
  cardsByLastAck: number;
  /** Main-thread event-loop delay during the load (how long a ready socket may wait to be read), ms. */
  loopDelay: Stats;
  /** Sent -> the server had parsed the request, ms. */
  toServer: Stats;
  /** The server had the request -> it finished writing the response (the ack), ms. */
  inServer: Stats;
}

interface Shot extends LoadResult {
  token: string;
  /** OpsDesk only: when the local Slack recorded the chat.postMessage with this incident's card. */
  cardAt?: number | undefined;
}

/**
 * Server-side times per request, from Node's built-in HTTP diagnostics channels: when the server had parsed
 * the request's headers and when it finished writing the response. Splits an ack into "waiting to be read"
 * and "being handled".
 */
const serverSide = new Map<string, { start: number; finish?: number }>();
const benchId = (message: unknown) => {
  const id = (message as { request: IncomingMessage }).request.headers["x-bench-id"];
  return typeof id === "string" ? id : undefined;
};
subscribe("http.server.request.start", (message) => {
  const id = benchId(message);
  if (id) serverSide.set(id, { start: now() });
});
subscribe("http.server.response.finish", (message) => {
  const entry = serverSide.get(benchId(message) ?? "");
  if (entry) entry.finish = now();
});

/** The load generator, in a worker thread so its own work neither delays nor waits for the servers'. */
type LoadClient = TsxWorker<LoadRequest, LoadResult[]>;

function isCardFor(token: string) {
  return (call: RecordedCall): boolean =>
    call.args.channel === channels.slack.payments &&
    call.args.thread_ts === undefined &&
    String(call.args.text ?? "").includes(token);
}

/** `count` `/incident` requests, `inflight` at a time; for OpsDesk each one's card is awaited too. */
async function runLoad(options: {
  client: LoadClient;
  url: string;
  fake: FakeSlack;
  name: string;
  inflight: number;
  count: number;
  watchCards: boolean;
}): Promise<LoadReport> {
  const { client, url, fake, name, inflight, count, watchCards } = options;
  const userId = people.rita.slack;
  const channelId = channels.slack.incidents;
  const tokens = Array.from(
    { length: count },
    (_, i) => `bench-${tag}-${name}-${String(i).padStart(4, "0")}`,
  );
  // Registered before anything is sent, so no card can be missed.
  let cardsPosted = 0;
  const cards = tokens.map((token) =>
    watchCards
      ? fake.waitForCall("chat.postMessage", isCardFor(token), 120_000).then(
          () => {
            cardsPosted++;
            return now();
          },
          () => undefined,
        )
      : Promise.resolve(undefined),
  );
  // A realistic first word keeps the command parser on its usual path (a long unknown first word costs an
  // edit-distance check against every subcommand).
  const bodies = tokens.map((token) => {
    const text = `Checkout slow ${token} service:payments`;
    const triggerId = fake.issueTriggerId(userId);
    const responseUrl = fake.issueResponseUrl({ channelId, userId });
    const fields = commandFields(
      fake,
      { command: "/incident", text, userId, channelId },
      triggerId,
      responseUrl,
    );
    return new URLSearchParams(fields).toString();
  });
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const results = await client.send({ url, signingSecret, inflight, bodies, ids: tokens });
  loop.disable();
  const cardsByLastAck = cardsPosted;
  const ofThisLoad = new RegExp(`bench-${tag}-${name}-\\d{4}`);
  const raisedByLastAck = fake
    .callsTo("response_url")
    .filter((c) => ofThisLoad.test(String(c.args.text ?? ""))).length;
  const cardTimes = await Promise.all(cards);
  const nanos = (p: number) => loop.percentile(p) / 1e6;
  return {
    shots: results.map((result, i) => ({ ...result, token: tokens[i] ?? "", cardAt: cardTimes[i] })),
    raisedByLastAck,
    cardsByLastAck,
    loopDelay: { p50: nanos(50), p95: nanos(95), p99: nanos(99), max: loop.max / 1e6 },
    toServer: stats(results.map((r, i) => (serverSide.get(tokens[i] ?? "")?.start ?? Number.NaN) - r.sentAt)),
    inServer: stats(
      tokens.map((t) => {
        const entry = serverSide.get(t);
        return (entry?.finish ?? Number.NaN) - (entry?.start ?? Number.NaN);
      }),
    ),
  };
}

/**
 * A Bolt app that does nothing but ack `/incident`: Bolt's own HTTPReceiver, signature verification on, and
 * Bolt's defaults otherwise (so its one auth.test goes to the local Slack at construction).
 */
async function startBareBolt(fake: FakeSlack): Promise<{ url: string; stop: () => Promise<void> }> {
  const app = new App({
    token: fake.botToken,
    signingSecret,
    clientOptions: { slackApiUrl: fake.apiUrl },
    logLevel: LogLevel.ERROR,
  });
  app.command("/incident", async ({ ack }) => {
    await ack();
  });
  const server = (await app.start({ port: 0, host: "127.0.0.1" })) as Server;
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    stop: async () => {
      await app.stop();
    },
  };
}

/** Lets OpsDesk finish what earlier requests started (replies, thread lines) before the next load. */
async function quiesce(world: SlackWorld): Promise<void> {
  await world.settle();
  await sleep(200);
}

const world = await startSlackWorld();
const bare = await startBareBolt(world.fake);
const client: LoadClient = new TsxWorker(import.meta.resolve("./load-client.ts"));
const urls: Record<Target, string> = { bare: bare.url, opsdesk: `${world.opsdesk.url}/slack/events` };
const problems: string[] = [];
const ack = new Map<string, Stats>();
const card = new Map<string, Stats>();
const diagnostics: Record<string, Record<string, string>> = {};
const sentToOpsDesk: string[] = [];

try {
  for (const inflight of loads) {
    for (const target of targets) {
      const watchCards = target === "opsdesk";
      const name = `${target}-c${inflight}`;
      const common = { client, url: urls[target], fake: world.fake, inflight, watchCards };
      const warm = await runLoad({ ...common, name: `${name}-w`, count: warmup });
      await quiesce(world);
      const report = await runLoad({ ...common, name, count: requests });
      const shots = report.shots;
      await quiesce(world);
      diagnostics[`${target} @${inflight}`] = {
        "loop delay p50": ms(report.loopDelay.p50),
        "loop delay p99": ms(report.loopDelay.p99),
        "loop delay max": ms(report.loopDelay.max),
        "sent->read p50": ms(report.toServer.p50),
        "sent->read p99": ms(report.toServer.p99),
        "read->acked p50": ms(report.inServer.p50),
        "read->acked p99": ms(report.inServer.p99),
        ...(watchCards
          ? {
              "raised by last ack": `${report.raisedByLastAck}/${requests}`,
              "cards by last ack": `${report.cardsByLastAck}/${requests}`,
            }
          : {}),
      };
      for (const shot of [...warm.shots, ...shots]) {
        if (shot.status !== 200)
          problems.push(`${shot.token}: HTTP ${shot.status} ${shot.error ?? ""}`.trim());
        if (watchCards) {
          sentToOpsDesk.push(shot.token);
          if (shot.cardAt === undefined) problems.push(`${shot.token}: no card within 120 s`);
        }
      }
      ack.set(`${target} @${inflight}`, stats(shots.map((s) => s.ackMs)));
      if (watchCards) {
        const cardMs = shots.flatMap((s) => (s.cardAt === undefined ? [] : [s.cardAt - s.sentAt]));
        card.set(`opsdesk @${inflight}`, stats(cardMs));
      }
    }
  }

  // Exactly one incident and exactly one card (a chat.postMessage outside a thread) per OpsDesk request.
  const incidents = await world.opsdesk.database.db.incident.findMany({
    where: { title: { contains: `bench-${tag}-` } },
    select: { title: true },
  });
  const count = (texts: string[]) => {
    const counted = new Map<string, number>();
    for (const text of texts) {
      const token = tokenPattern.exec(text)?.[0];
      if (token) counted.set(token, (counted.get(token) ?? 0) + 1);
    }
    return counted;
  };
  const incidentsPer = count(incidents.map((i) => i.title));
  const cardTexts = world.fake
    .callsTo("chat.postMessage")
    .filter((c) => c.args.thread_ts === undefined)
    .map((c) => String(c.args.text ?? ""));
  const cardsPer = count(cardTexts);
  for (const token of sentToOpsDesk) {
    if (incidentsPer.get(token) !== 1) problems.push(`${token}: ${incidentsPer.get(token) ?? 0} incidents`);
    if (cardsPer.get(token) !== 1) problems.push(`${token}: ${cardsPer.get(token) ?? 0} cards`);
  }
  const cardTotal = [...cardsPer.values()].reduce((a, b) => a + b, 0);
  const authTests = world.fake.callsTo("auth.test").length;

  console.log(
    `\n/incident ack latency, ms: ${requests} requests per row after ${warmup} warm-up ` +
      `(node ${process.version}, SQLite, client in a worker thread)`,
  );
  const ackRows = sideBySide(
    loads,
    { label: "bare bolt", at: (load) => ack.get(`bare @${load}`) },
    { label: "opsdesk", at: (load) => ack.get(`opsdesk @${load}`) },
  );
  console.table(ackRows);
  console.log("OpsDesk: command sent -> card's chat.postMessage recorded by the local Slack, ms");
  console.table(Object.fromEntries([...card].map(([label, s]) => [label, row(s)])));
  console.log(
    "Where the ack time goes, ms: main-thread (servers + local Slack) event-loop delay; sent -> server parsed" +
      " the request; parsed -> response finished; OpsDesk's progress when the last request was acked",
  );
  console.table(diagnostics);

  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  for (const inflight of loads) {
    const b = ack.get(`bare @${inflight}`);
    const o = ack.get(`opsdesk @${inflight}`);
    if (b && o) console.log(p99Verdict("ack", inflight, o, b));
  }
  const cardP99 = card.get("opsdesk @50")?.p99 ?? Number.NaN;
  console.log(
    `target card p99 @50 in flight < 100 ms on SQLite: ${verdict(cardP99 < 100)} (${ms(cardP99)} ms)`,
  );
  console.log(
    `checks: ${sentToOpsDesk.length} OpsDesk requests, ${incidents.length} incidents, ${cardTotal} cards: ` +
      (problems.length === 0
        ? "no HTTP error, exactly one incident and one card each"
        : `${problems.length} problem(s)`),
  );
  console.log(
    `auth.test calls at the local Slack: ${authTests} for ${2 * loads.length * (requests + warmup)} requests`,
  );
  for (const problem of problems.slice(0, 20)) console.log(`  ${problem}`);
  if (problems.length > 0) process.exitCode = 1;
} finally {
  await client.close();
  await bare.stop();
  await world.close();
}
