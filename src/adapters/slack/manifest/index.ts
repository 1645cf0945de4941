export { buildSlackManifest } from "./build-manifest.js";
export {
  committedManifestOptions,
  committedManifestPath,
  committedManifestYaml,
  manifestYaml,
} from "./committed-manifest.js";
export { botScopes, slackScopesMarkdown } from "./scopes.js";
export type { SlackManifest, SlackManifestOptions, SlackShortcut, SlackSlashCommand } from "./types.js";
