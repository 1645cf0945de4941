import type { ArgShape, ArgsOf } from "./argument.js";

/** A rule across arguments that one argument's schema cannot express; `argument` is the one to fix. */
export interface ArgProblem {
  readonly argument: string;
  readonly problem: string;
}

export interface SubcommandSpec<A extends ArgShape = ArgShape> {
  readonly description: string;
  /** Declaration order is the order of positionals, usage lines, help and Discord options. */
  readonly args: A;
  readonly examples: readonly string[];
  /**
   * Options it does not declare are kept in the parsed command's `extra` instead of refused: for values whose
   * names come from the configuration rather than the code (a catalog item's fields, `/request laptop ram:16`).
   */
  readonly acceptsExtraOptions?: boolean;
  crossCheck?(args: ArgsOf<A>): ArgProblem | undefined;
}

export type SubcommandShape = Readonly<Record<string, SubcommandSpec>>;

export interface CommandSpec<N extends string = string, S extends SubcommandShape = SubcommandShape> {
  /** Without the slash: `incident`. */
  readonly name: N;
  readonly description: string;
  readonly subcommands: S;
  /** Used when the text does not start with a subcommand: `/incident Payments down` means `new`. */
  readonly defaultSubcommand?: string;
  /** Used when the text is empty. */
  readonly whenEmpty?: string;
}

type ArgsOfSubcommand<T> = T extends SubcommandSpec<infer A> ? ArgsOf<A> : never;

/** The typed result of parsing one command, discriminated by `subcommand`. */
export type ParsedCommandOf<C> =
  C extends CommandSpec<infer N, infer S>
    ? {
        [K in keyof S & string]: {
          readonly command: N;
          readonly subcommand: K;
          readonly args: ArgsOfSubcommand<S[K]>;
        };
      }[keyof S & string]
    : never;

export interface CommandRegistry<C extends CommandSpec = CommandSpec> {
  readonly commands: readonly C[];
}

export type ParsedCommandIn<R> = R extends CommandRegistry<infer C> ? ParsedCommandOf<C> : never;

const namePattern = /^[a-z][a-z0-9_-]{0,31}$/;

/** Keeps a subcommand's argument types so its crossCheck sees them. */
export function defineSubcommand<const A extends ArgShape>(spec: SubcommandSpec<A>): SubcommandSpec<A> {
  return spec;
}

/**
 * Declares a command once. The checks run at start-up, so a declaration that the grammar or a platform
 * could not honour (names Discord rejects, a positional after a greedy text positional) never ships.
 */
export function defineCommand<const N extends string, const S extends SubcommandShape>(
  spec: CommandSpec<N, S> & { readonly defaultSubcommand?: keyof S; readonly whenEmpty?: keyof S },
): CommandSpec<N, S> {
  assertName(spec.name, "command");
  for (const [subName, sub] of Object.entries(spec.subcommands)) {
    assertName(subName, `subcommand of /${spec.name}`);
    assertPositionalsParseable(`/${spec.name} ${subName}`, sub);
  }
  for (const chosen of [spec.defaultSubcommand, spec.whenEmpty]) {
    if (chosen !== undefined && !(chosen in spec.subcommands)) {
      throw new Error(`/${spec.name}: "${chosen}" is not one of its subcommands`);
    }
  }
  return spec;
}

function assertName(name: string, what: string): void {
  if (!namePattern.test(name)) throw new Error(`"${name}" is not a valid ${what} name (${namePattern})`);
}

function assertPositionalsParseable(where: string, sub: SubcommandSpec): void {
  let sawGreedy = false;
  let sawOptional = false;
  for (const [argName, arg] of Object.entries(sub.args)) {
    assertName(argName, `argument of ${where}`);
    if (!arg.positional) continue;
    if (sawGreedy)
      throw new Error(`${where}: positional ${argName} follows a text positional that takes all words`);
    if (sawOptional && arg.presence === "required") {
      throw new Error(`${where}: required positional ${argName} follows an optional one`);
    }
    sawGreedy = arg.kind === "text";
    sawOptional ||= arg.presence !== "required";
  }
}

export function defineRegistry<const C extends CommandSpec>(commands: readonly C[]): CommandRegistry<C> {
  return { commands };
}
