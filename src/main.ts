// OpsDesk's process entry point: `npm start`.
import { chatCredentialsSet } from "./app/connect-chat.js";
import { startOpsDesk } from "./app/start.js";
import { loadEnv } from "./config/env.js";
import { isOpsDeskError } from "./kernel/errors.js";
import {
  chooseLogFormat,
  createLogger,
  type HeldDestination,
  heldDestination,
  prettyDestination,
} from "./log.js";

async function main(): Promise<void> {
  let env: ReturnType<typeof loadEnv>;
  try {
    env = loadEnv();
  } catch (error) {
    exitWithReason(error);
  }
  // A person at a terminal reads lines; a pipe (containers, log shippers) gets JSON. Readable start-up lines
  // are held until OpsDesk is up, so the first line on the terminal is where to go next.
  const pretty = chooseLogFormat(env.LOG_FORMAT, process.stdout.isTTY === true) === "pretty";
  let held: HeldDestination | undefined;
  if (pretty) {
    held = heldDestination(await prettyDestination(process.stdout.isTTY === true));
    // A start that hangs (a database that does not answer) still shows what it is doing.
    setTimeout(() => held?.release(), 15_000).unref();
  }
  const log = createLogger(env.LOG_LEVEL, held);
  let opsdesk: Awaited<ReturnType<typeof startOpsDesk>>;
  try {
    opsdesk = await startOpsDesk({ env, log });
  } catch (error) {
    held?.release();
    // Configuration and migration problems are the operator's to fix: say what, not a stack trace.
    if (isOpsDeskError(error) || (error instanceof Error && error.name === "MigrationHistoryError"))
      exitWithReason(error);
    log.fatal({ err: error }, "OpsDesk could not start");
    process.exit(1);
  }

  // With no Slack or Discord yet, the console is where to start: say so plainly, before any log line.
  if (opsdesk.consoleUrl && !chatCredentialsSet(env)) {
    const line = `Open the OpsDesk console: ${opsdesk.consoleUrl}`;
    if (pretty) {
      process.stdout.write(`\n  ${line}\n\n`);
    } else {
      log.info({ url: opsdesk.consoleUrl }, line);
      if (process.stderr.isTTY) process.stderr.write(`\n  ${line}\n\n`);
    }
  }
  held?.release();

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
