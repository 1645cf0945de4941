export { buildSlackManifest } from "./build-manifest.js";
export {
  committedManifestOptions,
  committedManifestPath,
  committedManifestYaml,
  manifestYaml,
} from "./committed-manifest.js";
export { botScopes } from "./scopes.js";
export type { SlackManifest, SlackManifestOptions, SlackShortcut, SlackSlashCommand } from "./types.js";
