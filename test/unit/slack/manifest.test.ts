import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildSlackManifest } from "../../../src/adapters/slack/manifest/build-manifest.js";
import {
  committedManifestOptions,
  committedManifestPath,
  committedManifestYaml,
} from "../../../src/adapters/slack/manifest/committed-manifest.js";
import { slackScopesMarkdown } from "../../../src/adapters/slack/manifest/index.js";
import { usageHint } from "../../../src/kernel/commands/usage.js";
import { projectRoot } from "../../../src/paths.js";
import { commandRegistry } from "../../../src/practices/registry.js";

describe("GIVEN the committed manifests/slack-app.yaml", () => {
  const committed = readFileSync(committedManifestPath(), "utf8");

  it("THEN it is exactly what the registry generates (run write-manifest.ts after changing a command)", () => {
    expect(committed).toBe(committedManifestYaml());
  });

  it("THEN it parses back to the built manifest", () => {
    expect(parse(committed)).toEqual(
      JSON.parse(JSON.stringify(buildSlackManifest(committedManifestOptions))),
    );
  });
});

describe("GIVEN the manifest for HTTP mode", () => {
  const manifest = buildSlackManifest(committedManifestOptions);

  it("THEN every registry command is a slash command with the registry's description and usage hint", () => {
    expect(manifest.features.slash_commands).toEqual(
      commandRegistry.commands.map((command) => ({
        command: `/${command.name}`,
        description: command.description,
        usage_hint: usageHint(command),
        should_escape: true,
        url: "https://opsdesk.example.com/slack/events",
      })),
    );
  });

  it("THEN the Raise incident message shortcut and interactivity point at the one request URL", () => {
    expect(manifest.features.shortcuts).toEqual([
      {
        name: "Raise incident",
        type: "message",
        callback_id: "raise_incident",
        description: "Open an incident from this message",
      },
    ]);
    expect(manifest.settings).toEqual({
      interactivity: { is_enabled: true, request_url: "https://opsdesk.example.com/slack/events" },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    });
  });

  it("THEN it asks only for the scopes an incident desk uses", () => {
    expect(manifest.oauth_config.scopes.bot).toEqual([
      "commands",
      "chat:write",
      "chat:write.public",
      "channels:manage",
      "pins:write",
      "files:write",
      "files:read",
      "channels:history",
      "groups:history",
    ]);
  });

  it("THEN the README lists exactly those scopes, each with its reason", () => {
    const readme = readFileSync(join(projectRoot(), "README.md"), "utf8");
    const block = /<!-- slack-scopes:start -->\n([\s\S]*?)\n<!-- slack-scopes:end -->/.exec(readme)?.[1];
    expect(block).toBe(slackScopesMarkdown());
    for (const scope of manifest.oauth_config.scopes.bot) expect(block).toContain(`- \`${scope}\`: `);
  });
});

describe("GIVEN the manifest for Socket Mode", () => {
  const manifest = buildSlackManifest({ ...committedManifestOptions, socketMode: true });

  it("THEN no URL is set anywhere and socket mode is on", () => {
    expect(JSON.stringify(manifest)).not.toContain("https://");
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true });
  });
});

describe("GIVEN an app name Slack would refuse", () => {
  it("THEN building the manifest fails instead of producing one Slack rejects", () => {
    expect(() => buildSlackManifest({ ...committedManifestOptions, appName: "O".repeat(36) })).toThrow(
      /app name/,
    );
  });
});
