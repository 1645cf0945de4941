export type { ArgChoice, ArgKind, ArgShape, ArgSpec, ArgsOf, Presence } from "./argument.js";
export { argKinds } from "./argument.js";
export { ArgumentError } from "./argument-error.js";
export { boolean, choice, duration, person, service, text, ticket } from "./argument-kinds.js";
export type {
  CommandRegistry,
  CommandSpec,
  ParsedCommandIn,
  ParsedCommandOf,
  SubcommandSpec,
} from "./command-spec.js";
export { defineCommand, defineRegistry, defineSubcommand } from "./command-spec.js";
export {
  type Completion,
  type CompletionValue,
  type CompletionValues,
  completeCommandLine,
} from "./complete-line.js";
export { findCommand, findSubcommand } from "./find-command.js";
export { commandToText } from "./format-command.js";
export { helpText } from "./help-text.js";
export { type CommandOptions, type OptionValue, parseCommandOptions } from "./parse-options.js";
export { parseCommandText } from "./parse-text.js";
export type { PersonMention } from "./person-mention.js";
export { type Token, tokenize } from "./tokenize.js";
export { argumentUsage, usageHint, usageLine } from "./usage.js";
