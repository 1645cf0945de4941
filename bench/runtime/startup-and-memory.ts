// Start-up time to ready and idle resident memory of OpsDesk on SQLite, beside a bare Node HTTP server
// measured in the same run; and OpsDesk with its chat connections up: the Slack app (HTTP mode) and the
// Discord gateway client logged into the local Discord, both pointed at local fakes run by this script.
// Usage: npm run build && npx tsx bench/runtime/startup-and-memory.ts [runs]
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { projectRoot } from "../../src/paths.js";
import { startFakeDiscord } from "../../test/fakes/discord/index.js";
import { startFakeSlack } from "../../test/fakes/slack/server.js";
import { channels, deskConfigYaml, people } from "../../test/support/desk-config.js";
import { freePort } from "../../test/support/process.js";

interface Sample {
  readyMs: number;
  idleRssMb: number;
}

const root = projectRoot();
const runs = Number(process.argv[2] ?? 5);

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

interface Variant {
  args: string[];
  readyUrl: (port: number) => string;
  /** Extra environment, given the run's working directory. */
  env?: (cwd: string) => Record<string, string>;
  /** Also ready only when this holds (e.g. the gateway session is up). */
  connected?: () => boolean;
}

async function measure({ args, readyUrl, env, connected }: Variant): Promise<Sample> {
  const cwd = mkdtempSync(join(tmpdir(), "opsdesk-bench-"));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? "", PORT: String(port), LOG_LEVEL: "warn", ...env?.(cwd) },
    stdio: "ignore",
  });
  try {
    for (;;) {
      try {
        if ((await fetch(readyUrl(port))).ok && (connected?.() ?? true)) break;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error(`${args.join(" ")} exited with ${child.exitCode}`);
      await sleep(5);
    }
    const readyMs = performance.now() - started;
    // Idle: let start-up garbage be collected and timers settle, as a deployed replica would between requests.
    await sleep(5_000);
    return { readyMs, idleRssMb: rssMb(child.pid ?? 0) };
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    rmSync(cwd, { recursive: true, force: true });
  }
}

const bare = [
  "-e",
  "require('node:http').createServer((q,s)=>s.end('ok')).listen(Number(process.env.PORT),'127.0.0.1')",
];
const opsdesk = ["--enable-source-maps", join(root, "dist", "src", "main.js")];

function summary(samples: Sample[]) {
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return {
    readyMedianMs: median(samples.map((s) => s.readyMs)).toFixed(0),
    readyMaxMs: Math.max(...samples.map((s) => s.readyMs)).toFixed(0),
    idleRssMedianMb: median(samples.map((s) => s.idleRssMb)).toFixed(1),
    idleRssMaxMb: Math.max(...samples.map((s) => s.idleRssMb)).toFixed(1),
  };
}

// The chat platforms the connected variant talks to, shared by its runs (each run is a new process).
const slack = await startFakeSlack({
  users: Object.values(people).map((p) => ({ id: p.slack, name: p.id, real_name: p.name })),
  channels: Object.entries(channels.slack).map(([name, id]) => ({ id, name })),
});
const discord = await startFakeDiscord({
  channels: Object.entries(channels.discord).map(([name, id]) => ({ id, name })),
});
let sessionsBefore = 0;
const connectedVariant: Variant = {
  args: opsdesk,
  readyUrl: (p) => `http://127.0.0.1:${p}/readyz`,
  env: (cwd) => {
    const config = join(cwd, "opsdesk.yaml");
    writeFileSync(config, deskConfigYaml);
    sessionsBefore = discord.gatewaySessions;
    return {
      OPSDESK_CONFIG: config,
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: "bench-signing-secret",
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.restBase,
    };
  },
  connected: () => discord.gatewaySessions > sessionsBefore,
};

const variants: Record<string, Variant> = {
  "bare node http": { args: bare, readyUrl: (p) => `http://127.0.0.1:${p}/` },
  "opsdesk (sqlite, fresh db)": { args: opsdesk, readyUrl: (p) => `http://127.0.0.1:${p}/readyz` },
  "opsdesk + slack app + discord gateway": connectedVariant,
};
const results: Record<string, Sample[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
try {
  for (let i = 0; i < runs; i++) {
    for (const [name, variant] of Object.entries(variants)) results[name]?.push(await measure(variant));
  }
} finally {
  await discord.close();
  await slack.close();
}
console.table(Object.fromEntries(Object.entries(results).map(([name, samples]) => [name, summary(samples)])));
const idle = Number(summary(results["opsdesk (sqlite, fresh db)"] ?? []).idleRssMaxMb);
console.log(`idle RSS target < 150 MB: ${idle < 150 ? "met" : "NOT met"} (max ${idle} MB over ${runs} runs)`);
const chatIdle = Number(summary(results["opsdesk + slack app + discord gateway"] ?? []).idleRssMaxMb);
console.log(
  `idle RSS with Slack + Discord gateway connected target < 250 MB: ${chatIdle < 250 ? "met" : "NOT met"} ` +
    `(max ${chatIdle} MB over ${runs} runs)`,
);
