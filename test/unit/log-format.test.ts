import { describe, expect, it } from "vitest";
import { loadEnv } from "../../src/config/env.js";
import { ConfigError } from "../../src/config/errors.js";
import { chooseLogFormat, createLogger, heldDestination } from "../../src/log.js";

describe("GIVEN LOG_FORMAT", () => {
  it("THEN auto (the default) is readable on a terminal and JSON on a pipe; json and pretty are what they say", () => {
    expect(loadEnv({}).LOG_FORMAT).toBe("auto");
    expect(chooseLogFormat("auto", true)).toBe("pretty");
    expect(chooseLogFormat("auto", false)).toBe("json");
    expect(chooseLogFormat(loadEnv({ LOG_FORMAT: "JSON" }).LOG_FORMAT, true)).toBe("json");
    expect(chooseLogFormat(loadEnv({ LOG_FORMAT: "pretty" }).LOG_FORMAT, false)).toBe("pretty");
  });

  it("THEN an unknown format stops start-up saying which ones exist", () => {
    let problems: readonly string[] = [];
    try {
      loadEnv({ LOG_FORMAT: "text" });
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems).toEqual([
      'LOG_FORMAT: expected json (JSON lines, for containers and log shippers), pretty (readable lines) or auto (pretty on a terminal, JSON otherwise), got "text"',
    ]);
  });
});

describe("GIVEN log lines written while held", () => {
  it("THEN nothing shows until release, then every line in order, and later lines at once", () => {
    const written: string[] = [];
    const held = heldDestination({ write: (line: string) => void written.push(line) });
    const log = createLogger("info", held);
    log.info("database migrated");
    log.info("OpsDesk is ready");
    expect(written).toEqual([]);
    held.release();
    log.info("shutting down");
    held.release();
    expect(written.map((line) => JSON.parse(line).msg)).toEqual([
      "database migrated",
      "OpsDesk is ready",
      "shutting down",
    ]);
  });
});
