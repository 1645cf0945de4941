import type { IncomingMessage, ServerResponse } from "node:http";
import type { ConsoleDeps } from "../deps.js";
import { personField } from "../http/fields.js";
import { BadConsoleRequest, queryOf } from "../http/respond.js";
import { openEventStream } from "../live/event-stream.js";

/** `GET /console/api/events?as=ada`: live messages and clock jumps for that person, as server-sent events. */
export async function handleEvents(deps: ConsoleDeps, req: IncomingMessage, res: ServerResponse) {
  const as = personField.safeParse(queryOf(req).get("as") ?? "");
  if (!as.success) throw new BadConsoleRequest("Query parameter as must name a person, like ada.");
  const end = openEventStream(req, res, deps.hub, as.data);
  deps.streams.add(end);
  req.on("close", () => deps.streams.delete(end));
}
