import type { IncomingMessage, ServerResponse } from "node:http";
import type { ConsoleDeps } from "../deps.js";
import { queryOf, sendText } from "../http/respond.js";
import { renderPage } from "../render/page.js";
import { consoleChannels, consolePeople, consolePersonId } from "../workspace.js";

/** `GET /console?channel=%23incidents&as=ada`: the workspace page, server-rendered for that person. */
export async function handlePage(deps: ConsoleDeps, req: IncomingMessage, res: ServerResponse) {
  const query = queryOf(req);
  const people = consolePeople(deps.config);
  const wantedPerson = query.get("as") ?? "";
  // A requester first: what a newcomer does first is raise an incident.
  const as = consolePersonId.test(wantedPerson)
    ? wantedPerson
    : (people.find((p) => p.roles.length === 0)?.id ?? people[0]?.id ?? "guest");
  const channels = await consoleChannels(deps.config, deps.store, as);
  const wantedChannel = query.get("channel") ?? "";
  const channel = channels.some((c) => c.id === wantedChannel)
    ? wantedChannel
    : deps.config.channels.incidents.console;
  const page = renderPage({
    people,
    channels,
    channel,
    as,
    messages: await deps.store.channel(channel, as),
    now: deps.sandbox.clock.now(),
    timeTravelRefusal: deps.sandbox.refusal,
    timezone: deps.config.timezone,
  });
  sendText(res, 200, "text/html; charset=utf-8", page.toString());
}
