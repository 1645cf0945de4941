// OpsDesk's process entry point: `npm start`.
import { chatCredentialsSet } from "./app/connect-chat.js";
import { startOpsDesk } from "./app/start.js";
import { loadEnv } from "./config/env.js";
import { isOpsDeskError } from "./kernel/errors.js";
import { createLogger } from "./log.js";

async function main(): Promise<void> {
  let env: ReturnType<typeof loadEnv>;
  try {
    env = loadEnv();
  } catch (error) {
    exitWithReason(error);
  }
  const log = createLogger(env.LOG_LEVEL);
  let opsdesk: Awaited<ReturnType<typeof startOpsDesk>>;
  try {
    opsdesk = await startOpsDesk({ env, log });
  } catch (error) {
    // Configuration and migration problems are the operator's to fix: say what, not a stack trace.
    if (isOpsDeskError(error) || (error instanceof Error && error.name === "MigrationHistoryError"))
      exitWithReason(error);
    log.fatal({ err: error }, "OpsDesk could not start");
    process.exit(1);
  }

  // With no Slack or Discord yet, the console is where to start: say so plainly, above the JSON logs.
  if (opsdesk.consoleUrl && !chatCredentialsSet(env)) {
    log.info({ url: opsdesk.consoleUrl }, `Open the OpsDesk console: ${opsdesk.consoleUrl}`);
    if (process.stderr.isTTY) process.stderr.write(`\n  Open the OpsDesk console: ${opsdesk.consoleUrl}\n\n`);
  }

  const shutdown = (signal: string) => {
    log.info({ signal }, "shutting down");
    opsdesk.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

function exitWithReason(error: unknown): never {
  process.stderr.write(`OpsDesk cannot start:\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

await main();
