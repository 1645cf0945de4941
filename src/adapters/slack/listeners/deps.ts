import type { InteractionDeps } from "../../../desk/deps.js";

/** What every Slack listener needs; handed to `registerSlackListeners` once. */
export type SlackListenerDeps = InteractionDeps;
