import { join } from "node:path";
import { Document, isScalar, isSeq } from "yaml";
import { projectRoot } from "../../../paths.js";
import { buildSlackManifest } from "./build-manifest.js";
import { botScopes } from "./scopes.js";
import type { SlackManifest, SlackManifestOptions } from "./types.js";

/** The manifest kept in the repository: HTTP mode with a placeholder URL to replace when creating the app. */
export const committedManifestOptions: SlackManifestOptions = {
  appName: "OpsDesk",
  requestUrl: "https://opsdesk.example.com/slack/events",
  socketMode: false,
};

const header = [
  "# Slack app manifest for OpsDesk. GENERATED from the command registry: do not edit by hand.",
  "# Regenerate: npx tsx src/adapters/slack/manifest/write-manifest.ts",
  "# Replace https://opsdesk.example.com with your server's address before creating the app",
  "# (api.slack.com/apps → Create New App → From a manifest).",
  "",
].join("\n");

/** Each scope's reason as a comment next to it, so whoever installs the app sees why it is asked for. */
function commentScopes(doc: Document): void {
  const scopes = doc.getIn(["oauth_config", "scopes", "bot"], true);
  if (!isSeq(scopes)) return;
  for (const item of scopes.items) {
    const why = botScopes.find((entry) => isScalar(item) && entry.scope === item.value)?.why;
    if (isScalar(item) && why !== undefined) item.comment = ` ${why}`;
  }
}

export function manifestYaml(manifest: SlackManifest): string {
  const doc = new Document(manifest);
  commentScopes(doc);
  // lineWidth 0: no folding, so a long description stays one line and diffs stay readable.
  return `${header}${doc.toString({ lineWidth: 0 })}`;
}

export function committedManifestPath(): string {
  return join(projectRoot(), "manifests", "slack-app.yaml");
}

export function committedManifestYaml(): string {
  return manifestYaml(buildSlackManifest(committedManifestOptions));
}
