// OpsDesk as real processes (one or several replicas) on one database, posting to one local Slack. Used by
// the two-replica test and the restart test; features with scheduled jobs (the SLA sweep) assert on the
// same harness: `runsOf(job)` tells which replica ran each slot, `fake` what Slack received.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.js";
import type { DatabaseLocation } from "../../src/db/location.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack/server.js";
import { SlackRequestSender } from "../fakes/slack/signer.js";
import { channels, deskConfigYaml, people, stranger } from "./desk-config.js";
import { createScratchDatabase } from "./postgres.js";
import { type OpsDeskProcess, spawnOpsDesk } from "./process.js";
import { signingSecret } from "./slack-world.js";

export interface Replica {
  name: string;
  process: OpsDeskProcess;
  /** Sends signed Slack requests to this replica. */
  slack: SlackRequestSender;
}

export interface ScheduledRunSeen {
  job: string;
  slot: string;
  replicaId: string;
  replica: string;
}

export interface ReplicaSet {
  fake: FakeSlack;
  replicas: Replica[];
  /** The shared database, opened in the test process for assertions. */
  db: DatabaseHandle["db"];
  /** Every replica's log lines so far, including those of replicas killed earlier. */
  logs(): (Record<string, unknown> & { replica: string })[];
  /** Per slot of `job`: who ran it (`finished`) and who was told another replica had it (`elsewhere`). */
  runsOf(job: string): { finished: ScheduledRunSeen[]; elsewhere: ScheduledRunSeen[] };
  /** SIGKILL: no graceful stop, leases and in-flight requests are left as they are. */
  kill(index: number): Promise<void>;
  /** Starts a fresh process in the replica's place, on the same database and configuration. */
  restart(index: number): Promise<Replica>;
  close(): Promise<void>;
}

export async function startReplicaSet(options: {
  count: number;
  provider: "sqlite" | "postgresql";
  /** Extra environment for every replica (e.g. OPSDESK_MAINTENANCE_EVERY=1s). */
  env?: Record<string, string>;
  /** The opsdesk.yaml every replica reads; the end-to-end desk by default (add SLA policies here). */
  configYaml?: string;
}): Promise<ReplicaSet> {
  const dir = mkdtempSync(join(tmpdir(), "opsdesk-replicas-"));
  const configPath = join(dir, "opsdesk.yaml");
  writeFileSync(configPath, options.configYaml ?? deskConfigYaml);
  const scratch =
    options.provider === "postgresql"
      ? await createScratchDatabase()
      : { url: `file:${join(dir, "opsdesk.db")}`, drop: async () => undefined };
  const fake = await startFakeSlack({
    users: [
      ...Object.values(people).map((p) => ({ id: p.slack, name: p.id, real_name: p.name })),
      { id: stranger.slack, name: "stranger", real_name: "Sam Stranger" },
    ],
    channels: Object.entries(channels.slack).map(([name, id]) => ({ id, name })),
  });
  const env = {
    DATABASE_URL: scratch.url,
    OPSDESK_CONFIG: configPath,
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: fake.apiUrl,
    // Scheduler and outbox decisions are logged at debug level; the assertions read them.
    LOG_LEVEL: "debug",
    ...options.env,
  };
  type LogLine = Record<string, unknown> & { replica: string };
  const retired: LogLine[] = [];
  const spawnReplica = async (name: string): Promise<Replica> => {
    const process = await spawnOpsDesk({ cwd: dir, env });
    const slack = new SlackRequestSender({ url: `${process.url}/slack/events`, signingSecret, fake });
    return { name, process, slack };
  };
  const replicas: Replica[] = [];
  for (let i = 0; i < options.count; i++) replicas.push(await spawnReplica(`replica-${i + 1}`));
  // The first replica has migrated by now, so the test process can open the database.
  const location: DatabaseLocation =
    options.provider === "postgresql"
      ? { provider: "postgresql", url: scratch.url, display: "replicas" }
      : { provider: "sqlite", filename: join(dir, "opsdesk.db"), display: "replicas" };
  const handle = await openDatabase(location);

  const logs = (): LogLine[] => [
    ...retired,
    ...replicas.flatMap((r) => r.process.logs.map((line): LogLine => ({ ...line, replica: r.name }))),
  ];
  const runsOf = (job: string) => {
    const seen = (msg: string) =>
      logs()
        .filter((l) => l.msg === msg && l.job === job)
        .map((l) => ({ job, slot: String(l.slot), replicaId: String(l.replicaId), replica: l.replica }));
    return { finished: seen("scheduled run finished"), elsewhere: seen("scheduled run elected elsewhere") };
  };
  const stopProcess = async (replica: Replica, signal: NodeJS.Signals) => {
    if (replica.process.child.exitCode === null && replica.process.child.signalCode === null) {
      replica.process.child.kill(signal);
    }
    await replica.process.exited;
  };

  return {
    fake,
    replicas,
    db: handle.db,
    logs,
    runsOf,
    kill: async (index) => {
      const replica = replicas[index];
      if (replica) await stopProcess(replica, "SIGKILL");
    },
    restart: async (index) => {
      const old = replicas[index];
      if (!old) throw new Error(`no replica ${index}`);
      await stopProcess(old, "SIGKILL");
      retired.push(...old.process.logs.map((line) => ({ ...line, replica: old.name })));
      const fresh = await spawnReplica(old.name);
      replicas[index] = fresh;
      return fresh;
    },
    close: async () => {
      await Promise.all(replicas.map((r) => stopProcess(r, "SIGTERM")));
      await handle.close();
      await fake.close();
      await scratch.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
