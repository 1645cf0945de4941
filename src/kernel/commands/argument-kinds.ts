import { z } from "zod";
import { parseTicketNumber } from "../tickets/reference.js";
import type { ArgChoice, ArgKind, ArgSpec, Presence } from "./argument.js";
import { formatDurationMinutes, parseDurationMinutes } from "./duration.js";
import { type PersonMention, parsePersonMention } from "./person-mention.js";

/**
 * Builders for each argument kind. Each returns a plain ArgSpec whose schema accepts what any entry point
 * sends (Slack words, Discord option values, form fields) and yields one typed value.
 */
interface CommonOptions {
  readonly description: string;
  readonly positional?: boolean;
  readonly required?: boolean;
}

type PresenceOf<O> = O extends { required: true }
  ? "required"
  : O extends { default: unknown }
    ? "defaulted"
    : "optional";

// Service ids come from the YAML configuration; the limit keeps a pasted paragraph from reaching a lookup.
const serviceIdMaxLength = 64;
const personIdMaxLength = 100;

function presenceOf(options: CommonOptions & { default?: unknown }): Presence {
  if (options.required === true) return "required";
  return options.default === undefined ? "optional" : "defaulted";
}

function build<Out, P extends Presence>(
  kind: ArgKind,
  options: CommonOptions & { default?: Out },
  parts: {
    schema: z.ZodType<Out, unknown>;
    expectation: string;
    placeholder: string;
    toText: (value: Out) => string;
    maxLength?: number;
    choices?: readonly ArgChoice[];
    autocomplete?: boolean;
    ticketPrefix?: string;
  },
): ArgSpec<Out, P> {
  const spec: ArgSpec<Out, Presence> = {
    kind,
    description: options.description,
    presence: presenceOf(options),
    positional: options.positional ?? false,
    autocomplete: parts.autocomplete ?? false,
    expectation: parts.expectation,
    placeholder: parts.placeholder,
    schema: parts.schema,
    toText: parts.toText,
    ...(parts.maxLength === undefined ? {} : { maxLength: parts.maxLength }),
    ...(parts.choices === undefined ? {} : { choices: parts.choices }),
    ...(parts.ticketPrefix === undefined ? {} : { ticketPrefix: parts.ticketPrefix }),
    ...(options.default === undefined ? {} : { defaultValue: options.default }),
  };
  // presenceOf computes at runtime exactly what PresenceOf computes for the caller's literal options.
  return spec as ArgSpec<Out, P>;
}

function invalid(ctx: z.RefinementCtx): typeof z.NEVER {
  ctx.addIssue({ code: "custom", message: "invalid" });
  return z.NEVER;
}

export function text<const O extends CommonOptions & { readonly maxLength: number }>(options: O) {
  return build<string, PresenceOf<O>>("text", options, {
    // A required text of only spaces is as missing as no text at all (an empty form field, `title:" "`).
    schema: options.required
      ? z.string().trim().min(1, "must not be empty").max(options.maxLength)
      : z.string().trim().max(options.maxLength),
    expectation: "text",
    placeholder: "<text>",
    toText: (value) => value,
    maxLength: options.maxLength,
  });
}

export function choice<
  const V extends readonly [string, ...string[]],
  const O extends CommonOptions & { readonly default?: V[number] },
>(values: V, labels: Readonly<Record<V[number], string>>, options: O) {
  return build<V[number], PresenceOf<O>>("choice", options, {
    schema: z.string().trim().toLowerCase().pipe(z.enum(values)),
    expectation: `one of ${values.join(", ")}`,
    placeholder: values.join("|"),
    toText: (value) => value,
    choices: values.map((value: V[number]) => ({ value, label: labels[value] })),
  });
}

export function ticket<const O extends CommonOptions & { readonly prefix: string }>(options: O) {
  const { prefix } = options;
  return build<number, PresenceOf<O>>("ticket", options, {
    schema: z
      .union([z.string(), z.number()])
      .transform((value, ctx) => parseTicketNumber(prefix, value) ?? invalid(ctx)),
    expectation: `a ticket reference like ${prefix}-7, #7 or 7`,
    placeholder: `<${prefix}-n>`,
    toText: (value) => `${prefix}-${value}`,
    autocomplete: true,
    ticketPrefix: prefix,
  });
}

export function service<const O extends CommonOptions>(options: O) {
  return build<string, PresenceOf<O>>("service", options, {
    schema: z
      .string()
      .trim()
      .max(serviceIdMaxLength)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/),
    expectation: "a service id like payments-api (pick one from the suggestions)",
    placeholder: "<service>",
    toText: (value) => value,
    maxLength: serviceIdMaxLength,
    autocomplete: true,
  });
}

export function person<const O extends CommonOptions>(options: O) {
  return build<PersonMention, PresenceOf<O>>("person", options, {
    schema: z
      .string()
      .max(personIdMaxLength)
      .transform((value, ctx) => parsePersonMention(value) ?? invalid(ctx)),
    expectation: "a person mentioned with @ and picked from the list",
    placeholder: "@person",
    toText: (value) => value.platformId,
    maxLength: personIdMaxLength,
  });
}

export function duration<const O extends CommonOptions>(options: O) {
  return build<number, PresenceOf<O>>("duration", options, {
    schema: z.string().transform((value, ctx) => parseDurationMinutes(value) ?? invalid(ctx)),
    expectation: "a duration like 30m, 4h, 1h30m or 2d",
    placeholder: "<duration>",
    toText: formatDurationMinutes,
  });
}

const truthy = new Set(["true", "yes", "y", "on"]);
const falsy = new Set(["false", "no", "n", "off"]);

export function boolean<const O extends CommonOptions & { readonly default?: boolean }>(options: O) {
  return build<boolean, PresenceOf<O>>("boolean", options, {
    schema: z.union([z.boolean(), z.string()]).transform((value, ctx) => {
      if (typeof value === "boolean") return value;
      const word = value.trim().toLowerCase();
      if (truthy.has(word)) return true;
      if (falsy.has(word)) return false;
      return invalid(ctx);
    }),
    expectation: "true or false",
    placeholder: "true|false",
    toText: String,
  });
}
