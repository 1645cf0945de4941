import { describe, expect, it } from "vitest";
import { loadEnv } from "../../../src/config/env.js";
import { locateDatabase } from "../../../src/db/location.js";

const providerOf = (url: string | undefined) => locateDatabase(url, "/srv/opsdesk").provider;

import { ConfigError } from "../../../src/config/errors.js";

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected the environment to be rejected, but it loaded");
}

describe("GIVEN an empty environment", () => {
  it("THEN OpsDesk listens on 127.0.0.1:3000, logs at info, reads ./opsdesk.yaml and uses SQLite", () => {
    const env = loadEnv({});
    expect(env).toEqual({
      PORT: 3000,
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      LOG_FORMAT: "auto",
      OPSDESK_MAINTENANCE_EVERY: "1h",
      OPSDESK_CLAIM_LEASE: 60_000,
      OPSDESK_CONSOLE: "on",
      OPSDESK_CONSOLE_SESSION: 12 * 3_600_000,
      OPSDESK_TRUST_PROXY: false,
      OPSDESK_DATABASE_WAIT: 30_000,
    });
    // Unset: ./opsdesk.yaml if it exists, else the built-in defaults (src/config/load.ts).
    expect(env.OPSDESK_CONFIG).toBeUndefined();
    expect(providerOf(env.DATABASE_URL)).toBe("sqlite");
    expect(locateDatabase(env.DATABASE_URL, "/srv/opsdesk")).toMatchObject({
      filename: "/srv/opsdesk/data/opsdesk.db",
    });
  });

  it("THEN variables set to an empty string count as unset, as FOO= in an env file means", () => {
    expect(loadEnv({ PORT: "", DATABASE_URL: "", SLACK_BOT_TOKEN: " " })).toEqual(loadEnv({}));
  });
});

describe("GIVEN a complete environment", () => {
  it("THEN every value is typed: the port a number, the log level normalised", () => {
    const env = loadEnv({
      DATABASE_URL: "postgresql://opsdesk:secret@db:5432/opsdesk",
      PORT: "8080",
      HOST: "0.0.0.0",
      LOG_LEVEL: "DEBUG",
      OPSDESK_CONFIG: "/etc/opsdesk/opsdesk.yaml",
      SLACK_BOT_TOKEN: "xoxb-1-2-abc",
      SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5",
      SLACK_APP_TOKEN: "xapp-1-A0-1-abc",
      SLACK_API_URL: "http://127.0.0.1:4010/api/",
      DISCORD_TOKEN: "discord-bot-token",
      DISCORD_APPLICATION_ID: "123456789012345678",
      DISCORD_PUBLIC_KEY: "a".repeat(64),
      DISCORD_API_URL: "http://127.0.0.1:4020/api",
      UNRELATED: "ignored",
    });
    expect(env.PORT).toBe(8080);
    expect(env.LOG_LEVEL).toBe("debug");
    expect(env.DISCORD_APPLICATION_ID).toBe("123456789012345678");
    expect(providerOf(env.DATABASE_URL)).toBe("postgresql");
    expect(env).not.toHaveProperty("UNRELATED");
  });

  it("THEN SQLite file: paths and postgres:// URLs are accepted as well", () => {
    expect(loadEnv({ DATABASE_URL: "file:/var/lib/opsdesk/opsdesk.db" }).DATABASE_URL).toBe(
      "file:/var/lib/opsdesk/opsdesk.db",
    );
    expect(providerOf(loadEnv({ DATABASE_URL: "postgres://db/opsdesk" }).DATABASE_URL)).toBe("postgresql");
  });
});

describe("GIVEN invalid values", () => {
  it("THEN every problem is listed at once as NAME: what is expected", () => {
    expect(
      problemsOf({
        PORT: "80a",
        LOG_LEVEL: "verbose",
        SLACK_API_URL: "slack.com/api",
        DISCORD_APPLICATION_ID: "42",
      }),
    ).toEqual([
      'PORT: expected a port number from 1 to 65535, got "80a"',
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "verbose"',
      "SLACK_API_URL: expected an http(s) URL of the Slack Web API, like https://slack.com/api/, got a value with no scheme",
      'DISCORD_APPLICATION_ID: expected the Application ID from the Discord developer portal (17 to 20 digits), got "42"',
    ]);
  });

  it("THEN a port out of range says which range", () => {
    expect(problemsOf({ PORT: "70000" })).toEqual([
      "PORT: expected a port number from 1 to 65535, got 70000",
    ]);
    expect(problemsOf({ PORT: "0" })).toEqual(["PORT: expected a port number from 1 to 65535, got 0"]);
  });

  it("THEN a database URL of another kind is refused without echoing its password", () => {
    const problems = problemsOf({ DATABASE_URL: "mysql://root:hunter2@db/opsdesk" });
    expect(problems).toEqual([
      'DATABASE_URL: expected file:<path> for SQLite (like file:./data/opsdesk.db) or a postgresql:// URL (like postgresql://opsdesk:secret@db:5432/opsdesk), got a value starting with "mysql:"; leave it unset to use SQLite under ./data/',
    ]);
    expect(problems.join("\n")).not.toContain("hunter2");
  });

  it("THEN a Slack token in the wrong variable is named by its kind, never shown", () => {
    const problems = problemsOf({ SLACK_BOT_TOKEN: "xapp-1-secret", SLACK_APP_TOKEN: "xoxb-2-secret" });
    expect(problems).toEqual([
      "SLACK_BOT_TOKEN: expected a token starting with xoxb- (the Bot User OAuth Token under OAuth & Permissions), got a token starting with xapp-",
      "SLACK_APP_TOKEN: expected a token starting with xapp- (an app-level token with connections:write, for Socket Mode), got a token starting with xoxb-",
    ]);
    expect(problems.join("\n")).not.toContain("secret");
  });

  it("THEN a malformed Discord public key is refused without repeating it", () => {
    expect(problemsOf({ DISCORD_PUBLIC_KEY: "not-hex" })).toEqual([
      "DISCORD_PUBLIC_KEY: expected the Public Key from the Discord developer portal (64 hexadecimal characters)",
    ]);
  });
});

describe("GIVEN half a Slack set-up", () => {
  it("THEN a bot token alone asks for the way Slack reaches OpsDesk", () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: "xoxb-1" })).toEqual([
      "SLACK_SIGNING_SECRET: missing; with SLACK_BOT_TOKEN set, also set SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) so Slack can reach OpsDesk",
    ]);
  });

  it("THEN a signing secret without a bot token asks for the token", () => {
    expect(problemsOf({ SLACK_SIGNING_SECRET: "abc" })).toEqual([
      "SLACK_BOT_TOKEN: missing; Slack is half configured: set the Bot User OAuth Token (xoxb-…) too, or unset SLACK_SIGNING_SECRET and SLACK_APP_TOKEN",
    ]);
  });

  it("THEN a bot token with an app token is a complete Socket Mode set-up", () => {
    expect(loadEnv({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }).SLACK_APP_TOKEN).toBe("xapp-1");
  });
});

describe("GIVEN the scheduler and lease settings", () => {
  it("THEN an interval and a lease are read as written, the lease in milliseconds", () => {
    const env = loadEnv({ OPSDESK_MAINTENANCE_EVERY: "every 15m", OPSDESK_CLAIM_LEASE: "2m" });
    expect(env.OPSDESK_MAINTENANCE_EVERY).toBe("every 15m");
    expect(env.OPSDESK_CLAIM_LEASE).toBe(120_000);
    expect(loadEnv({ OPSDESK_CLAIM_LEASE: "5s" }).OPSDESK_CLAIM_LEASE).toBe(5_000);
  });

  it("THEN a wrong interval or lease names the variable and what to write instead", () => {
    expect(problemsOf({ OPSDESK_MAINTENANCE_EVERY: "45m" })).toEqual([
      "OPSDESK_MAINTENANCE_EVERY: 45m does not divide an hour evenly; use one of 1m, 2m, 3m, 4m, 5m, 6m, 10m, 12m, 15m, 20m, 30m, 60m",
    ]);
    expect(problemsOf({ OPSDESK_MAINTENANCE_EVERY: "daily" })).toEqual([
      'OPSDESK_MAINTENANCE_EVERY: expected an interval like 30s, 5m or 1h (seconds, minutes or hours), got "daily"',
    ]);
    expect(problemsOf({ OPSDESK_CLAIM_LEASE: "1s" })).toEqual([
      "OPSDESK_CLAIM_LEASE: expected a lease from 2s to 60m",
    ]);
    expect(problemsOf({ OPSDESK_CLAIM_LEASE: "PT1M" })).toEqual([
      'OPSDESK_CLAIM_LEASE: expected a duration like 60s or 2m, got "PT1M"',
    ]);
  });
});

describe("GIVEN the console settings", () => {
  it("THEN the console is on (loopback only) unless turned off or opened to other machines", () => {
    expect(loadEnv({ OPSDESK_CONSOLE: "OFF" }).OPSDESK_CONSOLE).toBe("off");
    expect(problemsOf({ OPSDESK_CONSOLE: "public" })).toEqual([
      'OPSDESK_CONSOLE: expected on (loopback only), off, or remote (reachable from other machines, needs OPSDESK_CONSOLE_SECRET), got "public"',
    ]);
  });

  it("THEN remote needs a shared secret, and a short secret is refused without repeating it", () => {
    expect(problemsOf({ OPSDESK_CONSOLE: "remote" })[0]).toMatch(
      /^OPSDESK_CONSOLE_SECRET: missing; .*openssl rand/,
    );
    const short = problemsOf({ OPSDESK_CONSOLE: "remote", OPSDESK_CONSOLE_SECRET: "hunter2" });
    expect(short).toEqual([
      "OPSDESK_CONSOLE_SECRET: expected at least 16 characters (for example the output of: openssl rand -hex 24)",
    ]);
    expect(short.join(" ")).not.toContain("hunter2");
    const secret = "0123456789abcdef0123";
    expect(
      loadEnv({ OPSDESK_CONSOLE: "remote", OPSDESK_CONSOLE_SECRET: secret }).OPSDESK_CONSOLE_SECRET,
    ).toBe(secret);
  });
});

describe("GIVEN the start-up wait, the console session and the proxy trust", () => {
  it("THEN durations are read in seconds, minutes or hours, and mistakes say what is expected", () => {
    const env = loadEnv({
      OPSDESK_DATABASE_WAIT: "2m",
      OPSDESK_CONSOLE_SESSION: "30m",
      OPSDESK_TRUST_PROXY: "TRUE",
    });
    expect(env).toMatchObject({
      OPSDESK_DATABASE_WAIT: 120_000,
      OPSDESK_CONSOLE_SESSION: 1_800_000,
      OPSDESK_TRUST_PROXY: true,
    });
    expect(loadEnv({ OPSDESK_DATABASE_WAIT: "0s" }).OPSDESK_DATABASE_WAIT).toBe(0);
    expect(() => loadEnv({ OPSDESK_DATABASE_WAIT: "soon" })).toThrow(
      'OPSDESK_DATABASE_WAIT: expected a duration like 30s, 10m or 12h, got "soon"',
    );
    expect(() => loadEnv({ OPSDESK_CONSOLE_SESSION: "10s" })).toThrow(
      "OPSDESK_CONSOLE_SESSION: expected a duration from 1m to 720h",
    );
    expect(() => loadEnv({ OPSDESK_TRUST_PROXY: "yes" })).toThrow(
      'OPSDESK_TRUST_PROXY: expected true or false, got "yes"',
    );
  });
});
