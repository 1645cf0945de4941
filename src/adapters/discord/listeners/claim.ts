import { DiscordAPIError } from "discord.js";

/**
 * Discord refused a first response because the interaction already has one (40060): this delivery is a
 * replay of one that was answered. Its reply belongs to the first delivery; leave it alone.
 */
export function isAlreadyAnswered(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === 40060;
}
