import type { OpsdeskConfig } from "../../config/types.js";
import type { Db } from "../../db/client.js";
import type { InteractionDeps } from "../../desk/deps.js";
import type { ConsoleAccess } from "./access.js";
import type { LiveHub } from "./live/hub.js";
import type { ConsoleMessageStore } from "./messages/store.js";
import type { ConsoleSandbox } from "./sandbox.js";
import type { SignInThrottle } from "./sign-in-throttle.js";

/** What every console listener needs: what Slack's and Discord's do, and the console's own parts. */
export interface ConsoleDeps extends InteractionDeps {
  db: Db;
  wakeOutbox: () => void;
  config: OpsdeskConfig;
  store: ConsoleMessageStore;
  hub: LiveHub;
  sandbox: ConsoleSandbox;
  access: ConsoleAccess;
  /** Wrong secrets per address (remote mode). */
  signIns: SignInThrottle;
  /** Ends every open event stream; registered with the server's shutdown. */
  streams: Set<() => void>;
}
