import { spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDiscordCommands } from "../../../src/adapters/discord/commands/build-commands.js";
import { registerDiscordCommands } from "../../../src/adapters/discord/commands/register-commands.js";
import { registerOptionsFromEnv } from "../../../src/adapters/discord/commands/register-env.js";
import { describeRegistrationError } from "../../../src/adapters/discord/commands/register-errors.js";
import { projectRoot } from "../../../src/paths.js";
import { commandRegistry } from "../../../src/practices/registry.js";
import { type FakeDiscord, startFakeDiscord } from "../../fakes/discord/server.js";

const generated = buildDiscordCommands(commandRegistry);
/** What Discord lists: the registry's commands in its order, then the message command. */
const names = [...commandRegistry.commands.map((command) => command.name), "Raise incident"];

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake.close();
});

function connection() {
  return { token: fake.token, applicationId: fake.applicationId, apiBase: fake.restBase };
}

describe("GIVEN the generated commands registered in a guild", () => {
  it("THEN the fake (which validates names, descriptions, option order and limits) stores exactly them", async () => {
    const result = await registerDiscordCommands({ ...connection(), guildId: fake.guildId });
    expect(result).toEqual({
      scope: "guild",
      guildId: fake.guildId,
      names,
    });
    const stored = fake.commands(fake.guildId);
    // The fake adds ids and defaults; every generated field must be there, and nothing else registered.
    expect(stored).toMatchObject(generated);
  });
});

describe("GIVEN the generated commands registered globally", () => {
  it("THEN the fake's global commands are exactly them, and registering twice changes nothing", async () => {
    await registerDiscordCommands(connection());
    const first = fake.commands();
    const result = await registerDiscordCommands(connection());
    expect(result).toEqual({ scope: "global", names });
    expect(fake.commands().map((command) => command.id)).toEqual(first.map((command) => command.id));
    expect(fake.commands()).toMatchObject(generated);
  });
});

describe("GIVEN a wrong token", () => {
  it("THEN Discord's 401 is explained as a wrong DISCORD_TOKEN", async () => {
    const options = { ...connection(), token: "not-the-token" };
    const error = await registerDiscordCommands(options).catch((caught: unknown) => caught);
    expect(describeRegistrationError(error, options)).toMatch(
      /^Discord rejected the bot token \(401.*DISCORD_TOKEN/,
    );
  });
});

describe("GIVEN the environment the CLI reads", () => {
  it("THEN every missing or malformed variable is named at once", () => {
    expect(registerOptionsFromEnv({ DISCORD_GUILD_ID: "my-server" })).toEqual({
      ok: false,
      problems: [
        expect.stringMatching(/^DISCORD_TOKEN is not set/),
        expect.stringMatching(/^DISCORD_APPLICATION_ID is not set/),
        expect.stringMatching(/^DISCORD_GUILD_ID must be 17 to 20 digits/),
      ],
    });
  });

  it("THEN blank optional variables count as unset", () => {
    expect(
      registerOptionsFromEnv({
        DISCORD_TOKEN: "t",
        DISCORD_APPLICATION_ID: "123456789012345678",
        DISCORD_GUILD_ID: " ",
      }),
    ).toEqual({ ok: true, options: { token: "t", applicationId: "123456789012345678" } });
  });
});

async function runCli(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const root = projectRoot();
  const loader = pathToFileURL(join(root, "node_modules", "tsx", "dist", "loader.mjs")).href;
  const script = join(root, "src", "adapters", "discord", "commands", "register-cli.ts");
  const child = spawn(process.execPath, ["--import", loader, script], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { code, stdout, stderr };
}

describe("GIVEN the registration CLI", () => {
  function env(overrides: Record<string, string> = {}): Record<string, string> {
    return {
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.restBase,
      ...overrides,
    };
  }

  it("THEN it registers in the guild and says how many commands where", async () => {
    const result = await runCli(env({ DISCORD_GUILD_ID: fake.guildId }));
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe(
      `Registered ${names.length} Discord commands in guild ${fake.guildId} (available at once): ${names.join(", ")}\n`,
    );
  });

  it("THEN missing variables are named, with exit code 1 and no stack trace", async () => {
    const result = await runCli({});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("DISCORD_TOKEN is not set");
    expect(result.stderr).toContain("DISCORD_APPLICATION_ID is not set");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("THEN a wrong token says so, with exit code 1 and no stack trace", async () => {
    const result = await runCli(env({ DISCORD_TOKEN: "wrong" }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Discord rejected the bot token \(401 Unauthorized\)/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
