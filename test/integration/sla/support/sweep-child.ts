// A separate OpsDesk process that runs one SLA sweep and kills itself (SIGKILL, no clean-up) as soon as its
// Nth clock has committed: the sweep dies in the middle, with the remaining clocks untouched.
// Usage: node --import tsx sweep-child.ts <DATABASE_URL> <opsdesk.yaml> <now ISO> <kill after N commits>
import { readFileSync } from "node:fs";
import { parseConfig } from "../../../../src/config/parse.js";
import { openDatabase } from "../../../../src/db/client.js";
import { locateDatabase } from "../../../../src/db/location.js";
import { ManualClock } from "../../../../src/kernel/clock.js";
import { runSlaSweep } from "../../../../src/practices/incidents/sla/sweep.js";

const [databaseUrl = "", configPath = "", now = "", killAfter = "1"] = process.argv.slice(2);
const handle = await openDatabase(locateDatabase(databaseUrl));
const config = parseConfig(readFileSync(configPath, "utf8"), configPath);
let commits = 0;
const silent = { info() {}, warn() {}, error() {}, debug() {} };
await runSlaSweep({
  db: handle.db,
  clock: new ManualClock(now),
  config,
  platforms: ["console"],
  log: silent,
  batchSize: 5,
  onCommitted: () => {
    commits++;
    if (commits === Number(killAfter)) process.kill(process.pid, "SIGKILL");
  },
});
// Reaching this line means the kill came too late to interrupt anything; the test reports it.
process.stdout.write("finished\n");
await handle.close();
