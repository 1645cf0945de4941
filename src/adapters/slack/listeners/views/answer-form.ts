import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import { claimRequest } from "../../../../desk/claim-request.js";
import { errorReply } from "../../../../desk/error-reply.js";
import type { Actor } from "../../../../kernel/people/actor.js";
import { formSubmissionToCommand } from "../../../../kernel/views/index.js";
import type { Reply } from "../../../../kernel/views/reply.js";
import { commandRegistry, type ParsedCommand } from "../../../../practices/registry.js";
import { deliverSlackReply } from "../../deliver-reply.js";
import { slackActor } from "../../identity.js";
import {
  decodePrivateMetadata,
  fieldBlockId,
  readModalValues,
  type ViewStateValues,
} from "../../render/index.js";
import type { SlackListenerDeps } from "../deps.js";

type ViewArgs = Pick<SlackViewMiddlewareArgs & AllMiddlewareArgs, "view" | "body" | "ack" | "client">;

/**
 * The part every form submission shares. The values are checked before the acknowledgement, because Slack
 * can only show errors next to fields in the ack (response_action: errors) and keeps the modal open with
 * what was typed. After the ack: a double submit of the same modal (same view id) acts once, the work waits
 * its turn, and the domain's answer (or refusal) arrives privately.
 */
export async function answerFormSubmission(
  deps: SlackListenerDeps,
  { view, body, ack, client }: ViewArgs,
  run: (command: ParsedCommand, actor: Actor) => Promise<Reply>,
): Promise<void> {
  const metadata = decodePrivateMetadata(view.private_metadata);
  const target = { client, userId: body.user.id, channelId: metadata.extra.channel };
  let command: ParsedCommand;
  try {
    command = formSubmissionToCommand(commandRegistry, {
      formId: view.callback_id,
      hidden: metadata.hidden,
      values: readModalValues(view.state.values as ViewStateValues),
    });
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
      if (!(await claimRequest(deps.incidents.db, "slack", `view:${view.id}`, deps.clock.now())))
        return undefined;
      const actor = await slackActor(deps.incidents.db, { id: body.user.id, name: body.user.name });
      return run(command, actor);
    });
  } catch (error) {
    reply = errorReply(error, deps.log);
  }
  if (reply) await deliverSlackReply(reply, target);
}
