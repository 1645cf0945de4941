import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { projectRoot } from "../../../paths.js";
import { sendText } from "../http/respond.js";

/** The page's script and style, hand-written and served from the repository: no bundler, no CDN. */
const assets: Readonly<Record<string, string>> = {
  "console.js": "text/javascript; charset=utf-8",
  "console.css": "text/css; charset=utf-8",
};

const assetDir = join(projectRoot(), "src", "adapters", "console", "assets");
const cache = new Map<string, string>();

/** `GET /console/assets/<name>`: only the files listed above, read once. */
export function handleAsset(name: string, _req: IncomingMessage, res: ServerResponse): void {
  const type = Object.hasOwn(assets, name) ? assets[name] : undefined;
  if (type === undefined) {
    sendText(res, 404, "text/plain; charset=utf-8", "not found");
    return;
  }
  let body = cache.get(name);
  if (body === undefined) {
    body = readFileSync(join(assetDir, name), "utf8");
    cache.set(name, body);
  }
  sendText(res, 200, type, body);
}
