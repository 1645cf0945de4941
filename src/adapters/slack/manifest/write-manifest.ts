// Writes manifests/slack-app.yaml from the registry: npx tsx src/adapters/slack/manifest/write-manifest.ts
import { writeFileSync } from "node:fs";
import { committedManifestPath, committedManifestYaml } from "./committed-manifest.js";

const path = committedManifestPath();
writeFileSync(path, committedManifestYaml());
process.stdout.write(`Wrote ${path}\n`);
