// The Discord install: one list of bot permissions (src/adapters/discord/commands/permissions.ts) makes the
// install URL and the README's section, as the Slack manifest makes its scopes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PermissionFlagsBits } from "discord.js";
import { describe, expect, it } from "vitest";
import {
  botPermissions,
  botPermissionsValue,
  discordInstallMarkdown,
  discordInstallUrl,
} from "../../../src/adapters/discord/commands/permissions.js";
import { projectRoot } from "../../../src/paths.js";

const flagOf = (name: string) =>
  PermissionFlagsBits[
    name
      .toLowerCase()
      .replace(/(^|_)([a-z])/g, (_, __, letter: string) =>
        letter.toUpperCase(),
      ) as keyof typeof PermissionFlagsBits
  ];

describe("GIVEN the Discord bot permissions OpsDesk asks for", () => {
  it("THEN each is Discord's own flag, and the install URL asks for exactly those with the bot and commands scopes", () => {
    for (const permission of botPermissions) expect(flagOf(permission.name)).toBe(permission.bit);
    const url = new URL(discordInstallUrl("1100000000000000001"));
    expect(url.searchParams.get("client_id")).toBe("1100000000000000001");
    expect(url.searchParams.get("scope")).toBe("bot applications.commands");
    const asked = BigInt(url.searchParams.get("permissions") ?? "0");
    const expected = botPermissions.reduce((all, p) => all | p.bit, 0n);
    expect(asked).toBe(expected);
    expect(botPermissionsValue()).toBe(expected.toString());
    // Pinning needs its own permission since 2026-02-23 (discord.com/developers/docs/change-log#pin-permission-split).
    expect(asked & PermissionFlagsBits.PinMessages).toBe(PermissionFlagsBits.PinMessages);
    expect(asked & PermissionFlagsBits.Administrator).toBe(0n);
    expect(asked & PermissionFlagsBits.MentionEveryone).toBe(0n);
  });

  it("THEN the README lists every permission with its reason and the generated install URL", () => {
    const readme = readFileSync(join(projectRoot(), "README.md"), "utf8");
    const block = /<!-- discord-permissions:start -->\n([\s\S]*?)\n<!-- discord-permissions:end -->/.exec(
      readme,
    )?.[1];
    expect(block).toBe(discordInstallMarkdown());
    for (const permission of botPermissions) expect(block).toContain(`- \`${permission.name}\`: `);
    expect(block).toContain(discordInstallUrl("YOUR_APPLICATION_ID"));
  });
});
