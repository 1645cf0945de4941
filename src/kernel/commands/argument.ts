import type { z } from "zod";

/**
 * What an argument holds. Adapters map kinds to platform types: Discord option types (string, user,
 * boolean), Slack usage hints, form field types, autocomplete sources.
 */
export const argKinds = ["text", "choice", "ticket", "service", "person", "duration", "boolean"] as const;
export type ArgKind = (typeof argKinds)[number];

/** required: must be given; optional: may be absent; defaulted: absent means `defaultValue`. */
export type Presence = "required" | "optional" | "defaulted";

export interface ArgChoice {
  readonly value: string;
  readonly label: string;
}

/**
 * One argument of a subcommand, declared once. The zod schema turns a raw value (a word from Slack text,
 * a Discord option, a form field) into the typed value; the rest is metadata for parsers, usage lines,
 * help, and the Slack/Discord command manifests.
 */
export interface ArgSpec<Out = unknown, P extends Presence = Presence> {
  readonly kind: ArgKind;
  readonly description: string;
  readonly presence: P;
  /** Positional arguments are typed without a `key:`; a positional text argument takes all remaining words. */
  readonly positional: boolean;
  readonly maxLength?: number;
  readonly choices?: readonly ArgChoice[];
  /** The adapter should offer live suggestions (services, ticket numbers) where the platform can. */
  readonly autocomplete: boolean;
  /** What a valid value looks like, for error messages: "one of high, medium, low". */
  readonly expectation: string;
  /** How the value is shown in usage lines after `key:`, e.g. `<text>` or `high|medium|low`. */
  readonly placeholder: string;
  readonly defaultValue?: Out;
  /** For ticket arguments: the kind's prefix (`INC`), so suggestions come from the practice that owns it. */
  readonly ticketPrefix?: string;
  /** How the value is written back as text, so a parsed command can be shown as something to type. */
  toText(value: Out): string;
  readonly schema: z.ZodType<Out, unknown>;
}

export type AnyArgSpec = ArgSpec<unknown, Presence>;

export type ArgShape = Readonly<Record<string, AnyArgSpec>>;

type OptionalKeys<A extends ArgShape> = {
  [K in keyof A]: A[K]["presence"] extends "optional" ? K : never;
}[keyof A];

type ValueOf<S> = S extends ArgSpec<infer Out, Presence> ? Out : never;

/** The typed arguments a subcommand produces: required and defaulted ones always present. */
export type ArgsOf<A extends ArgShape> = {
  -readonly [K in Exclude<keyof A, OptionalKeys<A>>]: ValueOf<A[K]>;
} & {
  -readonly [K in OptionalKeys<A>]?: ValueOf<A[K]>;
};
