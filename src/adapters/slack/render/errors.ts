/**
 * What the renderer refuses instead of degrading: cutting an id or dropping hidden form values would make
 * the interaction act on the wrong thing or lose what the person entered. These are programming or
 * configuration errors, so they are logged with a correlation id, never shown to the person.
 */
export type SlackRenderErrorCode =
  | "private_metadata_too_long"
  | "private_metadata_invalid"
  | "identifier_too_long"
  | "form_too_large";

export class SlackRenderError extends Error {
  readonly code: SlackRenderErrorCode;

  constructor(code: SlackRenderErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SlackRenderError";
    this.code = code;
  }
}
