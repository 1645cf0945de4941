import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { sendJson } from "../../../http/server.js";
import { parseDurationMinutes } from "../../../kernel/commands/duration.js";
import type { ConsoleDeps } from "../deps.js";
import { readJson } from "../http/respond.js";
import { TimeTravelRefusedError } from "../sandbox.js";

const travelBody = z.object({ by: z.string().max(20) });

/**
 * `POST /console/api/clock {"by":"4h"}`: moves the sandbox clock forward, so SLA warnings and breaches
 * come due within a minute of demo. Refused (403) unless the console runs on its own sandbox database.
 */
export async function handleTimeTravel(deps: ConsoleDeps, req: IncomingMessage, res: ServerResponse) {
  const body = await readJson(req, travelBody);
  if (deps.sandbox.refusal !== null) {
    sendJson(res, 403, { error: "time_travel_refused", message: deps.sandbox.refusal });
    return;
  }
  const minutes = parseDurationMinutes(body.by);
  if (minutes === undefined) {
    sendJson(res, 400, {
      error: "bad_duration",
      message: `"${body.by}" is not a duration. Write it like 30m, 4h, 1h30m or 2d.`,
    });
    return;
  }
  try {
    const now = await deps.sandbox.advance(minutes * 60_000);
    // Posts waiting for "later" may be due now; the SLA sweep hears the clock itself (OffsetClock.onAdvance).
    deps.wakeOutbox();
    deps.hub.publish({ type: "clock", audienceId: null, data: { now: now.toISOString() } });
    sendJson(res, 200, { now: now.toISOString() });
  } catch (error) {
    if (!(error instanceof TimeTravelRefusedError)) throw error;
    sendJson(res, 400, { error: "time_travel_refused", message: error.userMessage });
  }
}
