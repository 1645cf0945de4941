// Discord interaction -> first response latency at the local Discord, at 1 and 50 interactions in flight:
// OpsDesk raising an incident from `/incident new title:… service:payments` beside a bare discord.js client
// that only replies, over the gateway (the headline: the usual bot), and OpsDesk's HTTP interactions mode
// beside a bare endpoint that verifies the signature and replies. All measured in one run.
//
// The local Discords and the load generator run in a worker thread (local-discord-worker.ts), so Discord's
// side neither delays nor waits for the bots; OpsDesk (both modes) and the bare bots share the main thread.
// The first response is what Discord's 3-second rule is about: OpsDesk defers privately, then edits the
// reply with the answer; the time to that edit is reported too.
// Usage: npx tsx bench/discord/first-response.ts [interactions per row, default 300] [warm-up, default 30]
// BENCH_TARGETS=opsdesk-gateway (comma-separated) runs only some targets, e.g. under `node --cpu-prof`.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { Client, Events, GatewayIntentBits, MessageFlags } from "discord.js";
import {
  importDiscordPublicKey,
  verifyDiscordSignature,
} from "../../src/adapters/discord/http/verify-request.js";
import { type DeskProcess, startDesk } from "../../test/support/desk-world.js";
import { ms, p99Verdict, row, type Stats, sideBySide, stats } from "../support/latency.js";
import { TsxWorker } from "../support/tsx-worker.js";
import type { LocalDiscord, Shot, Target, WorkerAnswer, WorkerRequest } from "./local-discord-worker.js";

const count = Number(process.argv[2] ?? 300);
const warmup = Number(process.argv[3] ?? 30);
const loads = [1, 50] as const;
const allTargets: readonly Target[] = ["bare-gateway", "opsdesk-gateway", "bare-http", "opsdesk-http"];
const targets = allTargets.filter((target) =>
  (process.env.BENCH_TARGETS ?? target).split(",").includes(target),
);
const tag = randomBytes(3).toString("hex");

const worker = new TsxWorker<WorkerRequest, WorkerAnswer>(import.meta.resolve("./local-discord-worker.ts"));

async function ask<K extends WorkerAnswer["kind"]>(
  request: WorkerRequest,
  kind: K,
): Promise<Extract<WorkerAnswer, { kind: K }>> {
  const answer = await worker.send(request);
  if (answer.kind !== kind) throw new Error(`worker answered ${answer.kind}, expected ${kind}`);
  return answer as Extract<WorkerAnswer, { kind: K }>;
}

async function untilConnected(target: Target): Promise<void> {
  const until = Date.now() + 15_000;
  while ((await ask({ kind: "gateway-sessions", target }, "gateway-sessions")).count === 0) {
    if (Date.now() > until) throw new Error(`${target} never connected to its local Discord`);
    await sleep(20);
  }
}

/** A discord.js bot that replies privately to every slash command and does nothing else. */
async function startBareGatewayBot(discord: LocalDiscord): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.restBase } });
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    void interaction.reply({ content: "ok", flags: MessageFlags.Ephemeral }).catch(() => undefined);
  });
  await client.login(discord.token);
  return client;
}

/** An HTTP interactions endpoint that checks the signature and the replay window, then replies privately. */
async function startBareHttpEndpoint(publicKeyHex: string): Promise<{ url: string; server: Server }> {
  const publicKey = importDiscordPublicKey(publicKeyHex);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      const header = (name: string) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      const verified = verifyDiscordSignature({
        publicKey,
        signatureHeader: header("x-signature-ed25519"),
        timestampHeader: header("x-signature-timestamp"),
        rawBody,
        nowMs: Date.now(),
      });
      if (!verified.ok) {
        res.writeHead(401).end();
        return;
      }
      const { type } = JSON.parse(rawBody) as { type: number };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(type === 1 ? { type: 1 } : { type: 4, data: { content: "ok", flags: 64 } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/interactions`, server };
}

interface Row {
  first: Stats;
  edit?: Stats;
  /** Answers (edited replies) per second over the load: OpsDesk's throughput for `/incident new`. */
  answersPerSecond?: number;
  loopDelay: Stats;
}

const started = await ask({ kind: "start" }, "started");
const { discords, publicKeyHex } = started;
const chatEnv = (discord: LocalDiscord) => ({
  DISCORD_TOKEN: discord.token,
  DISCORD_APPLICATION_ID: discord.applicationId,
  DISCORD_API_URL: discord.restBase,
});
const desks: Record<"opsdesk-gateway" | "opsdesk-http", DeskProcess> = {
  "opsdesk-gateway": await startDesk(chatEnv(discords["opsdesk-gateway"])),
  "opsdesk-http": await startDesk({ ...chatEnv(discords["opsdesk-http"]), DISCORD_PUBLIC_KEY: publicKeyHex }),
};
const bareBot = await startBareGatewayBot(discords["bare-gateway"]);
const bareHttp = await startBareHttpEndpoint(publicKeyHex);
await untilConnected("opsdesk-gateway");
await untilConnected("bare-gateway");

const urls: Partial<Record<Target, string>> = {
  "bare-http": bareHttp.url,
  "opsdesk-http": `${desks["opsdesk-http"].opsdesk.url}/discord/interactions`,
};
const deskOf = (target: Target) =>
  target === "opsdesk-gateway" || target === "opsdesk-http" ? desks[target] : undefined;

const results = new Map<string, Row>();
const problems: string[] = [];
const sentToOpsDesk: { target: Target; title: string }[] = [];

async function run(
  target: Target,
  inflight: number,
  name: string,
  n: number,
): Promise<{ shots: Shot[]; loop: Stats }> {
  const titles = Array.from(
    { length: n },
    (_, i) => `Checkout slow bench-${tag}-${name}-${String(i).padStart(4, "0")}`,
  );
  const desk = deskOf(target);
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const loaded = await ask(
    {
      kind: "load",
      target,
      inflight,
      titles,
      awaitEdit: desk !== undefined,
      ...(urls[target] ? { url: urls[target] } : {}),
    },
    "loaded",
  );
  loop.disable();
  // Let the outbox deliver this load's cards before the next load starts.
  if (desk) {
    for (let i = 0; i < 5; i++) await desk.settle();
    for (const title of titles) sentToOpsDesk.push({ target, title });
  }
  await sleep(200);
  loaded.shots.forEach((shot, i) => {
    if (shot.error) problems.push(`${target} ${titles[i]}: ${shot.error}`);
    const expected = desk ? 5 : 4;
    if (!shot.error && shot.firstType !== expected)
      problems.push(`${target} ${titles[i]}: first response type ${shot.firstType}, expected ${expected}`);
  });
  const nanos = (p: number) => loop.percentile(p) / 1e6;
  return {
    shots: loaded.shots,
    loop: { p50: nanos(50), p95: nanos(95), p99: nanos(99), max: loop.max / 1e6 },
  };
}

try {
  for (const inflight of loads) {
    for (const target of targets) {
      await run(target, inflight, `${target}-c${inflight}-w`, warmup);
      const measured = await run(target, inflight, `${target}-c${inflight}`, count);
      const edits = measured.shots.flatMap((shot) => (shot.editMs === undefined ? [] : [shot.editMs]));
      const lastAnswer = Math.max(...measured.shots.map((shot) => shot.sentAt + (shot.editMs ?? 0)));
      const firstSent = Math.min(...measured.shots.map((shot) => shot.sentAt));
      results.set(`${target} @${inflight}`, {
        first: stats(measured.shots.map((shot) => shot.firstMs)),
        ...(edits.length > 0
          ? { edit: stats(edits), answersPerSecond: (1000 * edits.length) / (lastAnswer - firstSent) }
          : {}),
        loopDelay: measured.loop,
      });
    }
  }

  // Exactly one incident for every interaction sent to OpsDesk, in the mode it was sent to.
  for (const target of ["opsdesk-gateway", "opsdesk-http"] as const) {
    const titles = sentToOpsDesk.filter((sent) => sent.target === target).map((sent) => sent.title);
    const incidents = await desks[target].opsdesk.database.db.incident.groupBy({
      by: ["title"],
      where: { title: { contains: `bench-${tag}-` } },
      _count: { _all: true },
    });
    const per = new Map(incidents.map((group) => [group.title, group._count._all]));
    for (const title of titles) {
      if (per.get(title) !== 1) problems.push(`${target} ${title}: ${per.get(title) ?? 0} incidents`);
    }
  }

  const at = (target: Target) => (load: number) => results.get(`${target} @${load}`)?.first;
  console.log(
    `\nDiscord interaction -> first response at the local Discord, ms: ${count} interactions per row after ` +
      `${warmup} warm-up (node ${process.version}, SQLite, local Discord in a worker thread)`,
  );
  const pairs = [
    {
      title: "Gateway (the usual bot): bare discord.js client that only replies vs OpsDesk (deferred reply)",
      baseline: { label: "bare discord.js", at: at("bare-gateway") },
      subject: { label: "opsdesk gateway", at: at("opsdesk-gateway") },
    },
    {
      title: "HTTP interactions: bare endpoint (verify + reply) vs OpsDesk (verify + deferred reply)",
      baseline: { label: "bare endpoint", at: at("bare-http") },
      subject: { label: "opsdesk http", at: at("opsdesk-http") },
    },
  ];
  for (const pair of pairs) {
    const rows = sideBySide(loads, pair.baseline, pair.subject);
    if (Object.keys(rows).length === 0) continue;
    console.log(pair.title);
    console.table(rows);
  }
  console.log("First response by target, ms");
  console.table(Object.fromEntries([...results].map(([label, result]) => [label, row(result.first)])));
  console.log(
    "OpsDesk: interaction -> private answer (the deferred reply edited with 'INC-n is raised'), ms",
  );
  // Interactions are sent as fast as first responses come back, so when that outpaces OpsDesk's throughput
  // the answers queue up: answer latency then measures the backlog, and answers/s the throughput.
  const editRows: Record<string, Record<string, string>> = {};
  for (const target of ["opsdesk-gateway", "opsdesk-http"] as const) {
    for (const load of loads) {
      const edit = results.get(`${target} @${load}`)?.edit;
      const result = results.get(`${target} @${load}`);
      if (edit)
        editRows[`${target} @${load}`] = {
          ...row(edit),
          "answers/s": (result?.answersPerSecond ?? 0).toFixed(1),
        };
    }
  }
  console.table(editRows);
  console.log("Main-thread (bots) event-loop delay during each load, ms");
  console.table(
    Object.fromEntries(
      [...results].map(([label, result]) => [
        label,
        { p50: ms(result.loopDelay.p50), p99: ms(result.loopDelay.p99), max: ms(result.loopDelay.max) },
      ]),
    ),
  );
  for (const load of loads) {
    const gatewayBare = results.get(`bare-gateway @${load}`)?.first;
    const gatewayOps = results.get(`opsdesk-gateway @${load}`)?.first;
    if (gatewayBare && gatewayOps)
      console.log(p99Verdict("gateway first response", load, gatewayOps, gatewayBare));
    const httpBare = results.get(`bare-http @${load}`)?.first;
    const httpOps = results.get(`opsdesk-http @${load}`)?.first;
    if (httpBare && httpOps) console.log(p99Verdict("HTTP first response", load, httpOps, httpBare));
  }
  console.log(
    `checks: ${sentToOpsDesk.length} interactions to OpsDesk: ` +
      (problems.length === 0
        ? "every first response was the expected kind, exactly one incident each"
        : `${problems.length} problem(s)`),
  );
  for (const problem of problems.slice(0, 20)) console.log(`  ${problem}`);
  if (problems.length > 0) process.exitCode = 1;
} finally {
  await bareBot.destroy();
  await new Promise<void>((resolve) => bareHttp.server.close(() => resolve()));
  for (const desk of Object.values(desks)) await desk.close();
  await ask({ kind: "close" }, "closed");
  await worker.close();
}
