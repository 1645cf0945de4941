import type { InteractionDeps } from "../../../interactions/deps.js";

/** What every Slack listener needs; handed to `registerSlackListeners` once. */
export type SlackListenerDeps = InteractionDeps;
