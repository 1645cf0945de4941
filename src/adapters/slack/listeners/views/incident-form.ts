import type { App } from "@slack/bolt";
import { commandRegistry, type ParsedCommand } from "../../../../core/commands/registry.js";
import { formSubmissionToCommand } from "../../../../core/views/index.js";
import { claimRequest } from "../../../../interactions/claim-request.js";
import type { Reply } from "../../../../interactions/reply.js";
import { runIncidentCommand } from "../../../../interactions/run-incident-command.js";
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
 * A submitted incident form. The values are checked before the acknowledgement, because Slack can only show
 * errors next to fields in the ack (response_action: errors) and keeps the modal open with what was typed.
 */
export function registerIncidentForm(app: App, deps: SlackListenerDeps): void {
  app.view(/^incident\./, async ({ view, body, ack, client }) => {
    const metadata = decodePrivateMetadata(view.private_metadata);
    const submission = {
      formId: view.callback_id,
      hidden: metadata.hidden,
      values: readModalValues(view.state.values as ViewStateValues),
    };
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
      await deliverSlackReply(reply, { client, userId: body.user.id, channelId: metadata.extra.channel });
      return;
    }
    await ack();
    let reply: Reply | undefined;
    try {
      reply = await deps.work(async () => {
        // A double submit of the same modal (same view id) acts once.
        if (!(await claimRequest(deps.incidents.db, "slack", `view:${view.id}`, deps.clock.now())))
          return undefined;
        const actor = await slackActor(deps.incidents.db, { id: body.user.id, name: body.user.name });
        if (command.command !== "incident") throw new Error("an incident form produced another command");
        return runIncidentCommand({ platform: "slack", actor, incidents: deps.incidents }, command);
      });
    } catch (error) {
      reply = errorReply(error, deps.log);
    }
    if (reply)
      await deliverSlackReply(reply, { client, userId: body.user.id, channelId: metadata.extra.channel });
  });
}
