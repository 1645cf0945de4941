import * as z from "zod";
import { IntervalError, parseInterval } from "../scheduler/interval.js";
import { ConfigError } from "./errors.js";
import { describeValue } from "./messages.js";

/**
 * The environment: where the database is, where to listen, and the chat credentials. Secrets never appear in
 * error messages, only what kind of value was found, because start-up errors end up in shared logs.
 */

export const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof logLevels)[number];

/** `auto`: readable lines on a terminal, JSON lines otherwise; `json` or `pretty` whatever stdout is. */
export const logFormats = ["auto", "json", "pretty"] as const;
export type LogFormat = (typeof logFormats)[number];

export interface Env {
  /** Unset means the embedded SQLite file (src/db/location.ts decides which database a URL names). */
  readonly DATABASE_URL?: string;
  readonly PORT: number;
  readonly HOST: string;
  readonly LOG_LEVEL: LogLevel;
  readonly LOG_FORMAT: LogFormat;
  /** The configuration file. Unset: `./opsdesk.yaml`, or built-in defaults when there is none; set: it must exist. */
  readonly OPSDESK_CONFIG?: string;
  readonly SLACK_BOT_TOKEN?: string;
  readonly SLACK_SIGNING_SECRET?: string;
  readonly SLACK_APP_TOKEN?: string;
  readonly SLACK_API_URL?: string;
  readonly DISCORD_TOKEN?: string;
  readonly DISCORD_APPLICATION_ID?: string;
  readonly DISCORD_PUBLIC_KEY?: string;
  readonly DISCORD_API_URL?: string;
  /** How often the built-in maintenance job prunes old bookkeeping rows (`1h`). */
  readonly OPSDESK_MAINTENANCE_EVERY: string;
  /**
   * How long a replica's claim on an outbox row or a scheduled run holds, in milliseconds (written `60s`
   * or `2m`): after a crash, the work waits this long before another replica (or the restarted one) takes
   * it over.
   */
  readonly OPSDESK_CLAIM_LEASE: number;
  /** The local console at /console: `on` (loopback only), `off`, or `remote` (any address, with the secret). */
  readonly OPSDESK_CONSOLE: ConsoleMode;
  /** Shared secret the console asks for when `OPSDESK_CONSOLE=remote`. */
  readonly OPSDESK_CONSOLE_SECRET?: string;
  /** How long a console sign-in lasts, in milliseconds (written `12h`, `30m`). */
  readonly OPSDESK_CONSOLE_SESSION: number;
  /**
   * Whether OpsDesk sits behind a reverse proxy whose X-Forwarded-Proto and X-Forwarded-For it may believe
   * (the console's Secure cookie and its sign-in throttle per address). Never set it without such a proxy:
   * anyone could then claim any address.
   */
  readonly OPSDESK_TRUST_PROXY: boolean;
  /** How long start-up waits for an unreachable database, in milliseconds (written `30s`, `5m`; `0s`: not at all). */
  readonly OPSDESK_DATABASE_WAIT: number;
}

export const consoleModes = ["on", "off", "remote"] as const;
export type ConsoleMode = (typeof consoleModes)[number];

/** Long enough that guessing it over HTTP is hopeless. */
export const consoleSecretMinLength = 16;

/** Shows only the scheme of a URL that may carry a password. */
function describeScheme(value: unknown): string {
  if (typeof value !== "string") return describeValue(value);
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(value)?.[0];
  return scheme === undefined ? "a value with no scheme" : `a value starting with "${scheme}"`;
}

/** Names the kind of Slack token found, since pasting the wrong one of the three is the usual mistake. */
function describeSlackToken(value: unknown): string {
  if (typeof value !== "string") return describeValue(value);
  const prefix = /^(xox[a-z]|xapp)-/.exec(value)?.[0];
  return prefix === undefined ? "a value that is not a Slack token" : `a token starting with ${prefix}`;
}

function isDatabaseUrl(value: string): boolean {
  if (value.startsWith("file:")) return value.length > "file:".length;
  if (!/^postgres(ql)?:\/\//.test(value)) return false;
  return URL.canParse(value);
}

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

const databaseUrl = z.string().refine(isDatabaseUrl, {
  error: (issue) =>
    `expected file:<path> for SQLite (like file:./data/opsdesk.db) or a postgresql:// URL (like postgresql://opsdesk:secret@db:5432/opsdesk), got ${describeScheme(issue.input)}; leave it unset to use SQLite under ./data/`,
});

const port = z
  .string()
  .regex(/^[0-9]{1,5}$/, {
    error: (issue) => `expected a port number from 1 to 65535, got ${describeValue(issue.input)}`,
  })
  .transform(Number)
  .refine((value) => value >= 1 && value <= 65535, {
    error: (issue) => `expected a port number from 1 to 65535, got ${describeValue(issue.input)}`,
  })
  .default(3000);

const logLevel = z
  .string()
  .transform((value) => value.toLowerCase())
  .pipe(
    z.enum(logLevels, {
      error: (issue) => `expected one of ${logLevels.join(", ")}, got ${describeValue(issue.input)}`,
    }),
  )
  .default("info");

const logFormat = z
  .string()
  .transform((value) => value.toLowerCase())
  .pipe(
    z.enum(logFormats, {
      error: (issue) =>
        `expected json (JSON lines, for containers and log shippers), pretty (readable lines) or auto (pretty on a terminal, JSON otherwise), got ${describeValue(issue.input)}`,
    }),
  )
  .default("auto");

const httpUrl = (what: string) =>
  z.string().refine(isHttpUrl, {
    error: (issue) => `expected an http(s) URL of ${what}, got ${describeScheme(issue.input)}`,
  });

const slackToken = (prefix: string, where: string) =>
  z.string().refine((value) => value.startsWith(prefix), {
    error: (issue) =>
      `expected a token starting with ${prefix} (${where}), got ${describeSlackToken(issue.input)}`,
  });

const interval = z.string().refine(
  (value) => {
    try {
      parseInterval(value);
      return true;
    } catch (error) {
      if (error instanceof IntervalError) return false;
      throw error;
    }
  },
  {
    error: (issue) => {
      try {
        parseInterval(String(issue.input));
      } catch (error) {
        if (error instanceof IntervalError) return error.message;
      }
      return "expected an interval like 30s, 5m or 1h";
    },
  },
);

// Seconds or minutes: a lease shorter than 2 s would expire under a slow database; over an hour, a crash
// would hold work back for too long.
const lease = z
  .string()
  .regex(/^\s*\d{1,4}\s*[sm]\s*$/i, {
    error: (issue) => `expected a duration like 60s or 2m, got ${describeValue(issue.input)}`,
  })
  .transform((value) => {
    const number = Number.parseInt(value.trim(), 10);
    return /m\s*$/i.test(value) ? number * 60_000 : number * 1_000;
  })
  .refine((ms) => ms >= 2_000 && ms <= 3_600_000, {
    error: () => "expected a lease from 2s to 60m",
  })
  .default(60_000);

/** `45s`, `30m`, `12h` within [min, max] milliseconds. */
const duration = (min: number, max: number, range: string) =>
  z
    .string()
    .regex(/^\s*\d{1,5}\s*[smh]\s*$/i, {
      error: (issue) => `expected a duration like 30s, 10m or 12h, got ${describeValue(issue.input)}`,
    })
    .transform((value) => {
      const unit = { s: 1_000, m: 60_000, h: 3_600_000 }[
        value.trim().slice(-1).toLowerCase() as "s" | "m" | "h"
      ];
      return Number.parseInt(value.trim(), 10) * unit;
    })
    .refine((ms) => ms >= min && ms <= max, { error: () => `expected a duration from ${range}` });

const yesNo = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .pipe(
    z.enum(["true", "false"], {
      error: (issue) => `expected true or false, got ${describeValue(issue.input)}`,
    }),
  )
  .transform((value) => value === "true");

const envSchema = z
  .object({
    DATABASE_URL: databaseUrl.optional(),
    PORT: port,
    HOST: z.string().default("127.0.0.1"),
    LOG_LEVEL: logLevel,
    LOG_FORMAT: logFormat,
    OPSDESK_CONFIG: z.string().optional(),
    SLACK_BOT_TOKEN: slackToken("xoxb-", "the Bot User OAuth Token under OAuth & Permissions").optional(),
    SLACK_SIGNING_SECRET: z.string().optional(),
    SLACK_APP_TOKEN: slackToken(
      "xapp-",
      "an app-level token with connections:write, for Socket Mode",
    ).optional(),
    SLACK_API_URL: httpUrl("the Slack Web API, like https://slack.com/api/").optional(),
    DISCORD_TOKEN: z.string().optional(),
    DISCORD_APPLICATION_ID: z
      .string()
      .regex(/^[0-9]{17,20}$/, {
        error: (issue) =>
          `expected the Application ID from the Discord developer portal (17 to 20 digits), got ${describeValue(issue.input)}`,
      })
      .optional(),
    DISCORD_PUBLIC_KEY: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, {
        error: () => "expected the Public Key from the Discord developer portal (64 hexadecimal characters)",
      })
      .optional(),
    DISCORD_API_URL: httpUrl("the Discord REST API, like https://discord.com/api").optional(),
    OPSDESK_MAINTENANCE_EVERY: interval.default("1h"),
    OPSDESK_CLAIM_LEASE: lease,
    OPSDESK_CONSOLE: z
      .string()
      .transform((value) => value.toLowerCase())
      .pipe(
        z.enum(consoleModes, {
          error: (issue) =>
            `expected on (loopback only), off, or remote (reachable from other machines, needs OPSDESK_CONSOLE_SECRET), got ${describeValue(issue.input)}`,
        }),
      )
      .default("on"),
    OPSDESK_CONSOLE_SECRET: z
      .string()
      .min(consoleSecretMinLength, {
        error: () =>
          `expected at least ${consoleSecretMinLength} characters (for example the output of: openssl rand -hex 24)`,
      })
      .optional(),
    OPSDESK_CONSOLE_SESSION: duration(60_000, 30 * 24 * 3_600_000, "1m to 720h").default(12 * 3_600_000),
    OPSDESK_TRUST_PROXY: yesNo.default(false),
    OPSDESK_DATABASE_WAIT: duration(0, 3_600_000, "0s to 60m").default(30_000),
  })
  .superRefine((env, ctx) => {
    // Half a Slack set-up would start silently and never receive anything; say which half is missing.
    const receives = env.SLACK_SIGNING_SECRET !== undefined || env.SLACK_APP_TOKEN !== undefined;
    if (receives && env.SLACK_BOT_TOKEN === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_BOT_TOKEN"],
        message:
          "missing; Slack is half configured: set the Bot User OAuth Token (xoxb-…) too, or unset SLACK_SIGNING_SECRET and SLACK_APP_TOKEN",
      });
    }
    if (env.SLACK_BOT_TOKEN !== undefined && !receives) {
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_SIGNING_SECRET"],
        message:
          "missing; with SLACK_BOT_TOKEN set, also set SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) so Slack can reach OpsDesk",
      });
    }
    // Anyone who reaches the console can act as anyone in the config: off loopback it needs a secret.
    if (env.OPSDESK_CONSOLE === "remote" && env.OPSDESK_CONSOLE_SECRET === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["OPSDESK_CONSOLE_SECRET"],
        message:
          "missing; OPSDESK_CONSOLE=remote serves the console beyond loopback, so set a shared secret of at least 16 characters (openssl rand -hex 24), or use OPSDESK_CONSOLE=on to keep it on 127.0.0.1",
      });
    }
  });

const names = Object.keys(envSchema.shape) as (keyof Env)[];

/**
 * Reads and checks the environment. Empty values count as unset, the way `FOO=` in an env file is meant.
 * Throws ConfigError listing every problem as `NAME: what is expected`.
 */
export function loadEnv(env: Readonly<Record<string, string | undefined>> = process.env): Env {
  const relevant = Object.fromEntries(
    names.flatMap((name) => {
      const value = env[name];
      return value === undefined || value.trim() === "" ? [] : [[name, value]];
    }),
  );
  const result = envSchema.safeParse(relevant, {
    error: (issue) =>
      issue.code === "invalid_type" ? `expected text, got ${describeValue(issue.input)}` : undefined,
  });
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const parsed: Env = result.data;
  return parsed;
}
