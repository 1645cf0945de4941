import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "../../../http/server.js";
import type { ConsoleDeps } from "../deps.js";
import { consoleChannels, consolePeople } from "../workspace.js";

/** `GET /console/api/workspace`: people to act as, channels, and the (sandbox) clock. */
export async function handleWorkspace(deps: ConsoleDeps, _req: IncomingMessage, res: ServerResponse) {
  sendJson(res, 200, {
    people: consolePeople(deps.config),
    channels: await consoleChannels(deps.config, deps.store),
    defaultChannel: deps.config.channels.incidents.console,
    clock: {
      now: deps.sandbox.clock.now().toISOString(),
      timeTravel:
        deps.sandbox.refusal === null ? { allowed: true } : { allowed: false, reason: deps.sandbox.refusal },
    },
  });
}
