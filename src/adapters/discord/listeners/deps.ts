import type { InteractionDeps } from "../../../desk/deps.js";

/** What every Discord listener needs; handed to the dispatcher once. */
export type DiscordListenerDeps = InteractionDeps;
