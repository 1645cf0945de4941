import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "../../../http/server.js";
import type { ConsoleDeps } from "../deps.js";
import { queryOf } from "../http/respond.js";
import { consoleChannels, consolePeople, consolePersonId } from "../workspace.js";

/**
 * `GET /console/api/workspace?as=ada`: people to act as, channels (with that person's direct messages),
 * and the (sandbox) clock.
 */
export async function handleWorkspace(deps: ConsoleDeps, req: IncomingMessage, res: ServerResponse) {
  const wanted = queryOf(req).get("as");
  const as = wanted !== null && consolePersonId.test(wanted) ? wanted : undefined;
  sendJson(res, 200, {
    people: consolePeople(deps.config),
    channels: await consoleChannels(deps.config, deps.store, as),
    defaultChannel: deps.config.channels.incidents.console,
    clock: {
      now: deps.sandbox.clock.now().toISOString(),
      timeTravel:
        deps.sandbox.refusal === null ? { allowed: true } : { allowed: false, reason: deps.sandbox.refusal },
    },
  });
}
