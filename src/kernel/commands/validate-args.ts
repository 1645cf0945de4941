import type { z } from "zod";
import { clipText } from "../text/clip.js";
import { hasNulByte, nulByteAdvice } from "../text/nul-byte.js";
import type { AnyArgSpec } from "./argument.js";
import { ArgumentError } from "./argument-error.js";
import { closestName } from "./closest-name.js";
import type { CommandSpec } from "./command-spec.js";
import { findSubcommand } from "./find-command.js";
import { usageLine } from "./usage.js";

/** A command before its types are known to the caller; the parse entry points narrow it. */
export interface UntypedCommand {
  readonly command: string;
  readonly subcommand: string;
  readonly args: Readonly<Record<string, unknown>>;
}

const shownValueMax = 40;

function shown(value: unknown): string {
  const text = typeof value === "string" ? value.trim() : String(value);
  return clipText(text, shownValueMax);
}

/** Blank fields mean "not given" everywhere: Discord omits them, forms send "" or null. */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

function problemFor(
  name: string,
  spec: AnyArgSpec,
  value: unknown,
  issue: z.core.$ZodIssue | undefined,
): string {
  if (issue?.code === "too_big" && spec.maxLength !== undefined && typeof value === "string") {
    return `${name} is too long: ${value.trim().length} characters, the limit is ${spec.maxLength}`;
  }
  return `${name} must be ${spec.expectation} (got "${shown(value)}")`;
}

export function unknownOptionProblem(command: CommandSpec, subcommand: string, key: string): string {
  const names = Object.keys(findSubcommand(command, subcommand)?.args ?? {});
  const where = `/${command.name} ${subcommand}`;
  if (names.length === 0) return `${where} takes no options (got ${key})`;
  const suggestion = closestName(key, names);
  return suggestion === undefined
    ? `${key} is not an option of ${where}; its options are ${names.join(", ")}`
    : `${key} is not an option of ${where}. Did you mean ${suggestion}?`;
}

/**
 * The one validation path: Slack text, Discord options and form submissions all end here, so a value is
 * accepted or refused with the same words whichever way it was sent.
 */
export function validateArgs(
  command: CommandSpec,
  subcommand: string,
  raw: Readonly<Record<string, unknown>>,
): UntypedCommand {
  const spec = findSubcommand(command, subcommand);
  const usage = usageLine(command, subcommand);
  if (spec === undefined) throw new Error(`/${command.name} has no subcommand ${subcommand}`);
  const fail = (problem: string, argument?: string): never => {
    throw new ArgumentError({ problem, usage, ...(argument === undefined ? {} : { argument }) });
  };

  for (const [key, value] of Object.entries(raw)) {
    if (hasNulByte(key) || (typeof value === "string" && hasNulByte(value)))
      fail(`${key} ${nulByteAdvice}`, key);
    if (!Object.hasOwn(spec.args, key) && !isBlank(raw[key]))
      fail(unknownOptionProblem(command, subcommand, key), key);
  }

  const args: Record<string, unknown> = {};
  for (const [name, arg] of Object.entries(spec.args)) {
    const value = raw[name];
    if (isBlank(value)) {
      if (arg.presence === "required") fail(`${name} is required`, name);
      if (arg.presence === "defaulted") args[name] = arg.defaultValue;
      continue;
    }
    const result = arg.schema.safeParse(value);
    if (!result.success) fail(problemFor(name, arg, value, result.error.issues[0]), name);
    else args[name] = result.data;
  }

  const crossProblem = spec.crossCheck?.(args);
  if (crossProblem !== undefined) fail(crossProblem.problem, crossProblem.argument);
  return { command: command.name, subcommand, args };
}
