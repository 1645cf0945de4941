import type { App } from "@slack/bolt";
import { commandRegistry, type ParsedCommand } from "../../../../core/commands/registry.js";
import { formSubmissionToCommand } from "../../../../core/views/index.js";
import { claimRequest } from "../../../../interactions/claim-request.js";
import type { Reply } from "../../../../interactions/reply.js";
import { runChangeCommand } from "../../../../interactions/run-change-command.js";
import { errorReply } from "../../../../interactions/to-reply.js";
import { deliverSlackReply } from "../../deliver-reply.js";
import { slackActor } from "../../identity.js";
import {
  decodePrivateMetadata,
  fieldBlockId,
  readModalValues,
  type ViewStateValues,
} from "../../render/index.js";
import type { SlackListenerDeps } from "../deps.js";

/**
 * A submitted change form (request, reject, close, cancel). Grammar errors are shown next to their field
 * in the acknowledgement; the domain's answer (conflicts, refusals) arrives privately afterwards.
 */
export function registerChangeForm(app: App, deps: SlackListenerDeps): void {
  app.view(/^change\./, async ({ view, body, ack, client }) => {
    const metadata = decodePrivateMetadata(view.private_metadata);
    const submission = {
      formId: view.callback_id,
      hidden: metadata.hidden,
      values: readModalValues(view.state.values as ViewStateValues),
    };
    const target = { client, userId: body.user.id, channelId: metadata.extra.channel };
    let command: ParsedCommand;
    try {
      command = formSubmissionToCommand(commandRegistry, submission);
    } catch (error) {
      const reply = errorReply(error, deps.log, { asFieldErrors: true });
      if (reply.kind === "field_errors") {
        const errors = Object.fromEntries(
          Object.entries(reply.errors).map(([field, text]) => [fieldBlockId(field), text]),
        );
        await ack({ response_action: "errors", errors });
        return;
      }
      await ack();
      await deliverSlackReply(reply, target);
      return;
    }
    await ack();
    let reply: Reply | undefined;
    try {
      reply = await deps.work(async () => {
        // A double submit of the same modal (same view id) acts once.
        if (!(await claimRequest(deps.changes.db, "slack", `view:${view.id}`, deps.clock.now())))
          return undefined;
        const actor = await slackActor(deps.changes.db, { id: body.user.id, name: body.user.name });
        if (command.command !== "change") throw new Error("a change form produced another command");
        return runChangeCommand({ platform: "slack", actor, changes: deps.changes }, command);
      });
    } catch (error) {
      reply = errorReply(error, deps.log);
    }
    if (reply) await deliverSlackReply(reply, target);
  });
}
