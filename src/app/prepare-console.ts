import type { ConsoleAccess } from "../adapters/console/access.js";
import { type ConsoleSandbox, openConsoleSandbox } from "../adapters/console/sandbox.js";
import { withSandboxDesk } from "../adapters/console/sandbox-desk.js";
import type { Env } from "../config/env.js";
import type { OpsdeskConfig } from "../config/types.js";
import type { Db } from "../db/client.js";
import type { DatabaseProvider } from "../db/schema-source.js";
import type { Clock } from "../kernel/clock.js";
import { chatCredentialsSet } from "./connect-chat.js";

export interface PreparedConsole {
  /** Whether time travel is allowed here, and the clock OpsDesk runs on (shifted only in a sandbox). */
  sandbox: ConsoleSandbox;
  /** The config to sync and run with: in a sandbox without people, with the sandbox's people added. */
  config: OpsdeskConfig;
  /** What connectChat needs to serve the console; undefined when OPSDESK_CONSOLE=off. */
  console: { sandbox: ConsoleSandbox; access: ConsoleAccess } | undefined;
}

/**
 * Decides, before the config is synced, whether this database is the console's sandbox (sandbox.ts) and so
 * which clock and which people OpsDesk runs with.
 */
export async function prepareConsole(input: {
  env: Env;
  db: Db;
  provider: DatabaseProvider;
  freshDatabase: boolean;
  clock: Clock;
  config: OpsdeskConfig;
}): Promise<PreparedConsole> {
  const { env } = input;
  const consoleEnabled = env.OPSDESK_CONSOLE !== "off";
  const sandbox = await openConsoleSandbox(input.db, input.clock, {
    provider: input.provider,
    freshDatabase: input.freshDatabase,
    chatConnected: chatCredentialsSet(env),
    consoleEnabled,
  });
  const access: ConsoleAccess = {
    mode: env.OPSDESK_CONSOLE === "remote" ? "remote" : "on",
    secret: env.OPSDESK_CONSOLE_SECRET,
    sessionMs: env.OPSDESK_CONSOLE_SESSION,
    trustProxy: env.OPSDESK_TRUST_PROXY,
  };
  return {
    sandbox,
    config: sandbox.refusal === null ? withSandboxDesk(input.config) : input.config,
    console: consoleEnabled ? { sandbox, access } : undefined,
  };
}
