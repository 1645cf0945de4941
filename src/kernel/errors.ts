/**
 * Domain errors are part of OpsDesk's interface: each carries a stable code (for logs, metrics and tests),
 * a message written for the person in chat, and optionally the underlying cause for the log.
 * Adapters show `userMessage` privately; anything that is not an OpsDeskError is unexpected and is shown
 * only as a correlation id.
 */
export type ErrorCode =
  | "validation_failed"
  | "not_found"
  | "forbidden"
  | "invalid_transition"
  | "conflict"
  | "already_done"
  | "unknown_command"
  | "config_invalid"
  | "startup_failed";

export class OpsDeskError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;

  constructor(code: ErrorCode, userMessage: string, options?: { cause?: unknown }) {
    super(userMessage, options);
    this.name = new.target.name;
    this.code = code;
    this.userMessage = userMessage;
  }
}

/** Input that does not satisfy the rules: what was wrong and what to send instead. */
export class ValidationError extends OpsDeskError {
  constructor(userMessage: string, options?: { cause?: unknown }) {
    super("validation_failed", userMessage, options);
  }
}

export class NotFoundError extends OpsDeskError {
  constructor(userMessage: string) {
    super("not_found", userMessage);
  }
}

export class ForbiddenError extends OpsDeskError {
  constructor(userMessage: string) {
    super("forbidden", userMessage);
  }
}

/** A lifecycle step that the ticket's current state does not allow. */
export class InvalidTransitionError extends OpsDeskError {
  constructor(userMessage: string) {
    super("invalid_transition", userMessage);
  }
}

/** Someone else changed the same thing at the same moment and won. */
export class ConflictError extends OpsDeskError {
  constructor(userMessage: string, options?: { cause?: unknown }) {
    super("conflict", userMessage, options);
  }
}

export class UnknownCommandError extends OpsDeskError {
  constructor(userMessage: string) {
    super("unknown_command", userMessage);
  }
}

export function isOpsDeskError(error: unknown): error is OpsDeskError {
  return error instanceof OpsDeskError;
}

/** What was asked is already the case (a double click, two people at once): nothing changed. */
export class AlreadyDoneError extends OpsDeskError {
  constructor(userMessage: string) {
    super("already_done", userMessage);
  }
}
