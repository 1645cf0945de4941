import { hasNulByte, nulByteAdvice } from "../text/nul-byte.js";
import { ArgumentError } from "./argument-error.js";
import { closestName } from "./closest-name.js";
import type { CommandRegistry, CommandSpec, ParsedCommandIn, SubcommandSpec } from "./command-spec.js";
import { findCommand, findSubcommand, subcommandNames, unknownSubcommandError } from "./find-command.js";
import { type Token, tokenize } from "./tokenize.js";
import { usageHint, usageLine } from "./usage.js";
import { unknownOptionProblem, validateArgs } from "./validate-args.js";

interface ChosenSubcommand {
  readonly name: string;
  readonly spec: SubcommandSpec;
  readonly rest: readonly Token[];
  /** The first word named the subcommand; it may still have been meant as the default's text. */
  readonly named: boolean;
}

const looksLikeTicketRef = /^(?:[a-z]+-|#)?\d+$/i;

function chooseSubcommand(command: CommandSpec, tokens: readonly Token[]): ChosenSubcommand {
  const [first, second] = tokens;
  const fallback =
    first === undefined ? (command.whenEmpty ?? command.defaultSubcommand) : command.defaultSubcommand;
  if (first?.type === "word" && !first.quoted) {
    const typed = first.text.toLowerCase();
    const spec = findSubcommand(command, typed);
    if (spec !== undefined) return { name: typed, spec, rest: tokens.slice(1), named: true };
    // With a default subcommand any word could start a title, so only call it a typo when it is close to
    // a subcommand and stands alone or is followed by a ticket reference (`/incident shwo INC-7`).
    const typo = closestName(typed, subcommandNames(command));
    const refFollows = second?.type === "word" && looksLikeTicketRef.test(second.text);
    if (fallback === undefined || (typo !== undefined && (second === undefined || refFollows))) {
      throw unknownSubcommandError(command, first.text, defaultReadingHint(command, tokensText(tokens)));
    }
  }
  const spec = fallback === undefined ? undefined : findSubcommand(command, fallback);
  if (fallback === undefined || spec === undefined) throw unknownSubcommandError(command, "");
  return { name: fallback, spec, rest: tokens, named: false };
}

function tokensText(tokens: readonly Token[]): string {
  return tokens.map((token) => (token.type === "word" ? token.text : token.source)).join(" ");
}

function defaultReadingHint(command: CommandSpec, text: string): string | undefined {
  const fallback = command.defaultSubcommand;
  if (fallback === undefined || text === "") return undefined;
  const positional = Object.entries(findSubcommand(command, fallback)?.args ?? {}).find(
    ([, arg]) => arg.positional,
  );
  const what = positional === undefined ? "" : ` as the ${positional[0]}`;
  return `If you meant "${text}"${what}, write /${command.name} ${fallback} ${text}`;
}

interface RawArgs {
  readonly values: Record<string, unknown>;
  /** Words no positional took; reported after validation, whose message is usually the more useful. */
  readonly leftover: readonly string[];
}

/** Options by key, then the remaining words filled into positionals in declaration order. */
function collectRawArgs(command: CommandSpec, chosen: ChosenSubcommand): RawArgs {
  const usage = usageLine(command, chosen.name);
  const fail = (problem: string, argument: string, hint?: string): never => {
    throw new ArgumentError({ problem, usage, argument, ...(hint === undefined ? {} : { hint }) });
  };
  const values: Record<string, unknown> = {};
  const words: string[] = [];
  for (const token of chosen.rest) {
    if (token.type === "word") {
      words.push(token.text);
      continue;
    }
    const arg = Object.hasOwn(chosen.spec.args, token.key) ? chosen.spec.args[token.key] : undefined;
    if (arg === undefined && token.value === "" && !token.quoted) {
      words.push(token.source);
      continue;
    }
    if (arg === undefined) {
      const problem = unknownOptionProblem(command, chosen.name, token.key);
      fail(problem, token.key, `To use "${token.source}" as text, put it in quotes`);
    } else if (token.value === "" && !token.quoted) {
      fail(`${token.key}: needs a value, e.g. ${token.key}:${arg.placeholder}`, token.key);
    }
    if (Object.hasOwn(values, token.key)) fail(`${token.key} is given twice`, token.key);
    values[token.key] = token.value;
  }

  let next = 0;
  for (const [name, arg] of Object.entries(chosen.spec.args)) {
    if (!arg.positional || Object.hasOwn(values, name) || next >= words.length) continue;
    // A text positional is the last one and takes every remaining word: `/incident Payments API is down`.
    values[name] = arg.kind === "text" ? words.slice(next).join(" ") : words[next];
    next = arg.kind === "text" ? words.length : next + 1;
  }
  return { values, leftover: words.slice(next) };
}

/**
 * `/incident Major outage in EU` starts with the subcommand `major`, but the next word is no ticket
 * reference: the person more likely meant a title. True when the word after the subcommand does not fit
 * its first positional, or the subcommand takes nothing and words follow.
 */
function mightBeDefaultText(command: CommandSpec, chosen: ChosenSubcommand): boolean {
  const next = chosen.rest[0];
  if (!chosen.named || chosen.name === command.defaultSubcommand) return false;
  if (next === undefined || next.type !== "word") return false;
  const firstPositional = Object.values(chosen.spec.args).find((arg) => arg.positional);
  return firstPositional === undefined || !firstPositional.schema.safeParse(next.text).success;
}

function parseChosen(command: CommandSpec, chosen: ChosenSubcommand) {
  const raw = collectRawArgs(command, chosen);
  const parsed = validateArgs(command, chosen.name, raw.values);
  if (raw.leftover.length > 0) {
    throw new ArgumentError({
      problem: `unexpected text "${raw.leftover.join(" ")}"`,
      usage: usageLine(command, chosen.name),
    });
  }
  return parsed;
}

/**
 * Parses what Slack sends for a slash command (`/incident`, text `Payments API is down impact:high`) into
 * the typed command. Throws ArgumentError or UnknownCommandError with a message for the user.
 */
export function parseCommandText<R extends CommandRegistry>(
  registry: R,
  commandName: string,
  text: string,
): ParsedCommandIn<R> {
  const command = findCommand(registry, commandName);
  // Checked on the whole line: a NUL in a word that becomes a subcommand or a title is refused alike.
  if (hasNulByte(text)) {
    throw new ArgumentError({
      problem: `The command ${nulByteAdvice}`,
      usage: `/${command.name} ${usageHint(command)}`,
    });
  }
  const tokens = tokenize(text);
  const chosen = chooseSubcommand(command, tokens);
  try {
    // validateArgs built it from the same declaration that defines ParsedCommandIn<R>.
    return parseChosen(command, chosen) as ParsedCommandIn<R>;
  } catch (error) {
    const hint = mightBeDefaultText(command, chosen)
      ? defaultReadingHint(command, tokensText(tokens))
      : undefined;
    if (error instanceof ArgumentError && hint !== undefined) throw error.withHint(hint);
    throw error;
  }
}
