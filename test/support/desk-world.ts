// OpsDesk started in-process on a fresh SQLite file with the test desk's opsdesk.yaml, and the chat
// credentials a platform world gives it. Shared by the Slack and Discord worlds.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { type RunningOpsDesk, startOpsDesk } from "../../src/app/start.js";
import { loadEnv } from "../../src/config/env.js";
import type { Clock } from "../../src/kernel/clock.js";
import type { Logger } from "../../src/log.js";
import { deskConfigYaml } from "./desk-config.js";
import { freePort } from "./process.js";

export interface DeskProcess {
  opsdesk: RunningOpsDesk;
  /** Lets listeners finish their work after the acknowledgement, then delivers every outbox row due. */
  settle(): Promise<void>;
  /** Stops OpsDesk and removes its files. */
  close(): Promise<void>;
}

/**
 * `dir` reuses a directory (a restart on the same database); its files are then left for the caller.
 * `clock` lets a test move OpsDesk's time (SLA sweeps); signed chat requests need it near real time.
 */
export async function startDesk(
  chatEnv: Record<string, string>,
  options: { dir?: string; clock?: Clock; log?: Logger } = {},
): Promise<DeskProcess> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "opsdesk-desk-"));
  const configPath = join(dir, "opsdesk.yaml");
  writeFileSync(configPath, deskConfigYaml);
  const env = loadEnv({
    DATABASE_URL: `file:${join(dir, "opsdesk.db")}`,
    PORT: String(await freePort()),
    HOST: "127.0.0.1",
    OPSDESK_CONFIG: configPath,
    LOG_LEVEL: "silent",
    ...chatEnv,
  });
  const opsdesk = await startOpsDesk({
    env,
    log: options.log ?? pino({ level: process.env.OPSDESK_TEST_LOG ?? "silent" }),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    opsdesk,
    settle: async () => {
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        await opsdesk.outbox.drain();
        // The background loop may hold a row in flight, which drain() cannot claim: wait for it, then
        // deliver what it unblocked (a thread line waits for its card).
        const deadline = Date.now() + 5_000;
        while (
          Date.now() < deadline &&
          (await opsdesk.database.db.outboxMessage.count({ where: { status: "delivering" } })) > 0
        )
          await new Promise((resolve) => setTimeout(resolve, 10));
        await opsdesk.outbox.drain();
      }
    },
    close: async () => {
      await opsdesk.stop();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
