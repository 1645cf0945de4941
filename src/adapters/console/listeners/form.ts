import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { ConsoleDeps } from "../deps.js";
import { channelField, personField, requestIdField } from "../http/fields.js";
import { readJson } from "../http/respond.js";
import { actAndReply } from "./act.js";

const formBody = z.object({
  as: personField,
  channel: channelField,
  /** The form's id, `<command>.<subcommand>`, e.g. `incident.resolve`. */
  formId: z.string().regex(/^[a-z][a-z0-9_-]*\.[a-z][a-z0-9_-]*$/),
  hidden: z.record(z.string(), z.string()).default({}),
  values: z.record(z.string(), z.union([z.string(), z.boolean(), z.null()])),
  requestId: requestIdField,
});

/**
 * `POST /console/api/form`: a submitted form, through the same schemas as typed text. Invalid fields
 * answer `field_errors` (the dialog stays open and shows each problem under its field).
 */
export async function handleForm(deps: ConsoleDeps, req: IncomingMessage, res: ServerResponse) {
  const body = await readJson(req, formBody);
  await actAndReply(deps, res, body, {
    kind: "form",
    submission: { formId: body.formId, hidden: body.hidden, values: body.values },
  });
}
