import type { RespondFn, SlashCommand, webApi } from "@slack/bolt";
import { claimRequest } from "../../../../desk/claim-request.js";
import { errorReply } from "../../../../desk/error-reply.js";
import type { Actor } from "../../../../kernel/people/actor.js";
import type { Reply } from "../../../../kernel/views/reply.js";
import { deliverSlackReply } from "../../deliver-reply.js";
import { slackActor } from "../../identity.js";
import type { SlackListenerDeps } from "../deps.js";

/** What one slash command does with its text, decided before any database work. */
export interface CommandPlan {
  /** A form must open while the trigger id is fresh (3 s), so this work does not queue behind others. */
  opensForm: boolean;
  run(actor: Actor): Promise<Reply>;
}

/**
 * The part every slash command shares, after its ack: a retried delivery acts once (the trigger id is
 * claimed), the person is resolved, the work waits its turn (unless it opens a form), any failure becomes a
 * private explanation, and the answer goes back privately.
 */
export async function answerSlashCommand(
  deps: SlackListenerDeps,
  input: { command: SlashCommand; client: webApi.WebClient; respond: RespondFn },
  plan: (text: string) => CommandPlan,
): Promise<void> {
  const { command, client, respond } = input;
  let reply: Reply | undefined;
  try {
    const { opensForm, run } = planned(plan, command.text.trim());
    const handle = async (): Promise<Reply | undefined> => {
      const key = `command:${command.trigger_id}`;
      if (!(await claimRequest(deps.incidents.db, "slack", key, deps.clock.now()))) return undefined;
      const actor = await slackActor(deps.incidents.db, { id: command.user_id, name: command.user_name });
      return run(actor);
    };
    reply = await (opensForm ? handle() : deps.work(handle));
  } catch (error) {
    reply = errorReply(error, deps.log);
  }
  if (!reply) return;
  await deliverSlackReply(reply, {
    client,
    userId: command.user_id,
    channelId: command.channel_id,
    triggerId: command.trigger_id,
    respond,
  });
}

/**
 * Parsing is pure and quick, so it runs first to decide whether a form opens. A grammar mistake is still
 * answered only after the claim, so a redelivered bad command is explained once.
 */
function planned(plan: (text: string) => CommandPlan, text: string): CommandPlan {
  try {
    return plan(text);
  } catch (error) {
    return { opensForm: false, run: () => Promise.reject(error) };
  }
}
