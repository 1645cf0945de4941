/**
 * Rendering problems that no amount of cutting can fix: posting anyway would make Discord reject the
 * message, or worse, produce a button or form that cannot work. They are programming or configuration
 * mistakes (a form with too many required fields, a ref too long for a custom_id), not user errors, so
 * they are thrown, with a stable code for the log.
 */
export type DiscordRenderErrorCode = "custom_id_too_long" | "form_too_large";

export class DiscordRenderError extends Error {
  readonly code: DiscordRenderErrorCode;

  constructor(code: DiscordRenderErrorCode, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

export class CustomIdTooLongError extends DiscordRenderError {
  readonly customId: string;
  readonly limit: number;

  constructor(customId: string, limit: number) {
    super(
      "custom_id_too_long",
      `custom_id "${customId.slice(0, 40)}…" is ${customId.length} characters; Discord allows ${limit}`,
    );
    this.customId = customId;
    this.limit = limit;
  }
}
