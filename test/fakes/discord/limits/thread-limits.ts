import { asRecord } from "../json.js";
import { oneOf } from "./component-limits.js";
import { FormErrors } from "./form-errors.js";

// https://discord.com/developers/docs/resources/channel#start-thread-from-message and
// #start-thread-without-message: name of 1-100 characters; auto_archive_duration "can be set to: 60, 1440,
// 4320, 10080" (ThreadAutoArchiveDuration in discord-api-spec); without a message, type is 10, 11 or 12.
export const THREAD_LIMITS = {
  name: 100,
  autoArchiveDurations: [60, 1440, 4320, 10080],
  types: [10, 11, 12],
} as const;

export function threadFormErrors(body: unknown, options: { fromMessage: boolean }): FormErrors {
  const input = asRecord(body);
  const errors = new FormErrors();
  errors.lengthBetween(["name"], input.name, 1, THREAD_LIMITS.name);
  if (input.auto_archive_duration !== undefined && input.auto_archive_duration !== null) {
    oneOf(errors, ["auto_archive_duration"], input.auto_archive_duration, THREAD_LIMITS.autoArchiveDurations);
  }
  if (!options.fromMessage && input.type !== undefined && input.type !== null) {
    oneOf(errors, ["type"], input.type, THREAD_LIMITS.types);
  }
  return errors;
}
