import { DiscordAPIError } from "discord.js";
import { claimRequest } from "../../../desk/claim-request.js";
import type { DiscordInteraction } from "../interaction.js";
import type { DiscordListenerDeps } from "./deps.js";

/**
 * Records that this interaction is being acted on; false when it was seen before (a gateway replay, a
 * repeated HTTP delivery), and then nothing may change. Listeners call it after their first response,
 * never before: the claim is a database write, and Discord's 3 seconds must not wait behind the database.
 */
export function claimInteraction(
  interaction: DiscordInteraction,
  deps: DiscordListenerDeps,
): Promise<boolean> {
  return claimRequest(deps.incidents.db, "discord", `interaction:${interaction.id}`, deps.clock.now());
}

/**
 * Discord refused a first response because the interaction already has one (40060): this delivery is a
 * replay of one that was answered. Its reply belongs to the first delivery; leave it alone.
 */
export function isAlreadyAnswered(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === 40060;
}
