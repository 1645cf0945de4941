// Start-up time to ready and idle resident memory of OpsDesk on SQLite, beside a bare Node HTTP server
// measured in the same run. Usage: npm run build && npx tsx bench/runtime/startup-and-memory.ts [runs]
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { projectRoot } from "../../src/paths.js";
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

async function measure(args: string[], readyUrl: (port: number) => string): Promise<Sample> {
  const cwd = mkdtempSync(join(tmpdir(), "opsdesk-bench-"));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? "", PORT: String(port), LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  try {
    for (;;) {
      try {
        if ((await fetch(readyUrl(port))).ok) break;
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

const results: Record<string, Sample[]> = { "bare node http": [], "opsdesk (sqlite, fresh db)": [] };
for (let i = 0; i < runs; i++) {
  results["bare node http"]?.push(await measure(bare, (p) => `http://127.0.0.1:${p}/`));
  results["opsdesk (sqlite, fresh db)"]?.push(await measure(opsdesk, (p) => `http://127.0.0.1:${p}/readyz`));
}
console.table(Object.fromEntries(Object.entries(results).map(([name, samples]) => [name, summary(samples)])));
const idle = Number(summary(results["opsdesk (sqlite, fresh db)"] ?? []).idleRssMaxMb);
console.log(`idle RSS target < 150 MB: ${idle < 150 ? "met" : "NOT met"} (max ${idle} MB over ${runs} runs)`);
