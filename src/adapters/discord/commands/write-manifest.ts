// Regenerates manifests/discord-commands.json from the registry: `npx tsx src/adapters/discord/commands/write-manifest.ts`.
// A unit test fails while the committed file differs from what this writes.
import { writeFileSync } from "node:fs";
import { deskCommands as commandRegistry } from "../../../desk/catalog.js";
import { discordManifestPath, discordManifestText } from "./manifest.js";

const path = discordManifestPath();
writeFileSync(path, discordManifestText(commandRegistry));
console.log(`Wrote ${path}`);
