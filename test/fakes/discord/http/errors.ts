import type { JsonRecord } from "../json.js";

/** A Discord API error: `{ code, message, errors? }`. Thrown by handlers, rendered by the server. */
export class DiscordRestError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: JsonRecord,
  ) {
    super(message);
  }

  toBody(): JsonRecord {
    return { message: this.message, code: this.code, ...(this.errors ? { errors: this.errors } : {}) };
  }
}

// Codes from https://discord.com/developers/docs/topics/opcodes-and-status-codes#json
export const unauthorized = (): DiscordRestError => new DiscordRestError(401, 0, "401: Unauthorized");
export const notFound = (): DiscordRestError => new DiscordRestError(404, 0, "404: Not Found");
export const unknownChannel = (): DiscordRestError => new DiscordRestError(404, 10003, "Unknown Channel");
export const unknownMessage = (): DiscordRestError => new DiscordRestError(404, 10008, "Unknown Message");
export const unknownWebhook = (): DiscordRestError => new DiscordRestError(404, 10015, "Unknown Webhook");
export const unknownInteraction = (): DiscordRestError =>
  new DiscordRestError(404, 10062, "Unknown interaction");
export const alreadyAcknowledged = (): DiscordRestError =>
  new DiscordRestError(400, 40060, "Interaction has already been acknowledged.");
export const invalidWebhookToken = (): DiscordRestError =>
  new DiscordRestError(401, 50027, "Invalid Webhook Token");
export const emptyMessage = (): DiscordRestError =>
  new DiscordRestError(400, 50006, "Cannot send an empty message");
export const invalidFormBody = (errors: JsonRecord): DiscordRestError =>
  new DiscordRestError(400, 50035, "Invalid Form Body", errors);
export const missingPermissions = (): DiscordRestError =>
  new DiscordRestError(403, 50013, "Missing Permissions");
