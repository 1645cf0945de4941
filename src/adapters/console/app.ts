import type { OpsdeskConfig } from "../../config/types.js";
import type { Db } from "../../db/client.js";
import type { InteractionDeps } from "../../desk/deps.js";
import type { ConsoleAccess } from "./access.js";
import type { ConsoleDeps } from "./deps.js";
import { consoleRouter } from "./http/router.js";
import { LiveHub } from "./live/hub.js";
import { ConsoleMessageStore } from "./messages/store.js";
import { messageJson } from "./messages/to-json.js";
import type { ConsoleSandbox } from "./sandbox.js";
import { SignInThrottle } from "./sign-in-throttle.js";
import { ConsoleTransport } from "./transport.js";

export interface ConsoleAdapterOptions {
  /** What the listeners need from the desk, as for Slack and Discord. */
  deps: InteractionDeps;
  /** The console's own message store lives in the database: it is this platform's chat history. */
  db: Db;
  /** Wakes the outbox dispatcher: posts waiting for "later" may be due after time travel. */
  wakeOutbox: () => void;
  config: OpsdeskConfig;
  sandbox: ConsoleSandbox;
  access: ConsoleAccess;
}

export interface ConsoleAdapter {
  /** Mounted on the one HTTP server at /console. */
  handler: ReturnType<typeof consoleRouter>;
  transport: ConsoleTransport;
  /** Ends the live event streams, so shutdown does not wait for open pages. */
  closeStreams(): void;
}

/**
 * The local console: a third adapter on the same core, registry and view model as Slack and Discord,
 * served as a web page. The outbox delivers to it like to any platform; pages hear about new and changed
 * messages over server-sent events.
 */
export function createConsoleAdapter(options: ConsoleAdapterOptions): ConsoleAdapter {
  const { config, sandbox, access } = options;
  const log = options.deps.log.child({ component: "console" });
  const store = new ConsoleMessageStore(options.db, options.deps.clock);
  const hub = new LiveHub();
  store.onWrite((message) =>
    hub.publish({
      type: "message",
      audienceId: message.audienceId,
      data: messageJson(message, config.timezone),
    }),
  );
  const deps: ConsoleDeps = {
    ...options.deps,
    db: options.db,
    wakeOutbox: options.wakeOutbox,
    config,
    store,
    hub,
    sandbox,
    access,
    signIns: new SignInThrottle(),
    log,
    streams: new Set(),
  };
  return {
    handler: consoleRouter(deps),
    transport: new ConsoleTransport(store),
    closeStreams: () => {
      for (const end of [...deps.streams]) end();
    },
  };
}
