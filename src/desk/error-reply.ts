import { randomUUID } from "node:crypto";
import { ArgumentError } from "../kernel/commands/argument-error.js";
import { FieldErrors, isOpsDeskError } from "../kernel/errors.js";
import { privateNotice, type Reply } from "../kernel/views/reply.js";
import type { Logger } from "../log.js";

/**
 * Turns any failure into what the person sees privately. Domain errors carry their own message; anything
 * else is logged with a correlation id, and the person gets that id, never a stack trace (principle 8).
 */
export function errorReply(error: unknown, log: Logger, options: { asFieldErrors?: boolean } = {}): Reply {
  if (options.asFieldErrors && error instanceof ArgumentError && error.argument) {
    return { kind: "field_errors", errors: { [error.argument]: error.problem } };
  }
  if (options.asFieldErrors && error instanceof FieldErrors)
    return { kind: "field_errors", errors: { ...error.fields } };
  if (isOpsDeskError(error)) return privateNotice("error", error.userMessage);
  const correlationId = randomUUID().slice(0, 8);
  log.error({ err: error, correlationId }, "unexpected error while handling an interaction");
  return privateNotice(
    "error",
    `Something went wrong on our side and nothing was changed. If it happens again, give the admins this reference: ${correlationId}.`,
  );
}
