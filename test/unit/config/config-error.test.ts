import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../../src/config/errors.js";
import { loadConfigFile } from "../../../src/config/load.js";
import { isOpsDeskError } from "../../../src/kernel/errors.js";
import { yaml } from "./problems-of.js";

async function rejection(text: string): Promise<{ path: string; error: unknown }> {
  const path = join(await mkdtemp(join(tmpdir(), "opsdesk-config-")), "opsdesk.yaml");
  await writeFile(path, text);
  try {
    await loadConfigFile(path);
  } catch (error) {
    return { path, error };
  }
  throw new Error("expected the configuration to be rejected, but it loaded");
}

describe("GIVEN an opsdesk.yaml that OpsDesk refuses", () => {
  const text = yaml("services:", "  - { id: web, name: Website, tier: high }", "  - { id: db }");

  it("THEN the error is a ConfigError with the stable code config_invalid", async () => {
    const { error } = await rejection(text);
    expect(error).toBeInstanceOf(ConfigError);
    expect(isOpsDeskError(error) && error.code).toBe("config_invalid");
  });

  it("THEN its message is the problems, one per line, naming the file by the path it was loaded from", async () => {
    const { path, error } = await rejection(text);
    expect(error instanceof ConfigError && error.message).toBe(
      [
        `${path}:2:37 services[0].tier: expected a tier 1, 2, 3 or 4 (1 is the most critical), got "high"`,
        `${path}:3:5 services[1].name: missing; expected a display name like "Ada Lovelace"`,
      ].join("\n"),
    );
  });

  it("THEN nothing in the message looks like a stack trace or a raw validation dump", async () => {
    const { error } = await rejection(text);
    const message = error instanceof ConfigError ? error.message : "";
    expect(message).not.toMatch(/\n\s+at |"code"|invalid_type|Invalid input/);
  });
});

describe("GIVEN a configuration path that cannot be read", () => {
  it("THEN the error names the path and what to check, not the errno stack", async () => {
    const directory = await mkdtemp(join(tmpdir(), "opsdesk-config-"));
    await expect(loadConfigFile(directory)).rejects.toThrow(
      `${directory}: cannot be read (EISDIR); check the path in OPSDESK_CONFIG and the file's permissions`,
    );
  });
});
