import type {
  AllMiddlewareArgs,
  App,
  BlockButtonAction,
  MessageShortcut,
  SlackViewMiddlewareArgs,
} from "@slack/bolt";
import type { InteractionDeps } from "../../desk/deps.js";
import type { Interaction } from "../../desk/interaction.js";
import type { Reply } from "../../kernel/views/reply.js";
import { deliverSlackReply, type ReplyTarget } from "./deliver-reply.js";
import {
  decodePrivateMetadata,
  fieldBlockId,
  readModalValues,
  type ViewStateValues,
} from "./render/index.js";
import { unescapeSlackText } from "./render/mrkdwn.js";

type User = { id: string; name?: string | undefined };

/**
 * Every Slack listener, registered from the desk: one per command in the registry, one for every button,
 * one for every form, one per message action. Each acknowledges first (Slack gives 3 s), then the desk
 * claims the request (Slack retries), resolves the person, queues the work and routes it; the answer goes
 * back privately. No listener names a practice.
 */
export function registerSlackListeners(app: App, deps: InteractionDeps): void {
  const { desk } = deps;
  const answer = async (
    user: User,
    interaction: Interaction,
    claimKey: string | undefined,
    target: ReplyTarget,
  ) => {
    const reply = await desk.handle({ platform: "slack", user, interaction, claimKey });
    if (reply) await deliverSlackReply(reply, target);
  };

  for (const command of desk.registry.commands) {
    app.command(`/${command.name}`, async ({ command: sent, ack, client, respond }) => {
      await ack();
      await answer(
        { id: sent.user_id, name: sent.user_name },
        { kind: "command_text", command: command.name, text: sent.text },
        `command:${sent.trigger_id}`,
        { client, userId: sent.user_id, channelId: sent.channel_id, triggerId: sent.trigger_id, respond },
      );
    });
  }

  // Every OpsDesk action id is `<command>.<action>`; the value names the ticket (never the message text).
  app.action<BlockButtonAction>(/^[a-z][a-z0-9_-]*\./, async ({ action, body, ack, client, respond }) => {
    await ack();
    await answer(
      body.user,
      { kind: "button", actionId: action.action_id, value: action.value ?? "" },
      `action:${body.trigger_id}`,
      { client, userId: body.user.id, channelId: body.channel?.id, triggerId: body.trigger_id, respond },
    );
  });

  app.view(/^[a-z][a-z0-9_-]*\./, (args) => answerForm(deps, args));

  for (const action of desk.messageActions) {
    app.shortcut<MessageShortcut>(action.id, async ({ shortcut, ack, client }) => {
      await ack();
      const channelId = shortcut.channel.id;
      const link = await client.chat
        .getPermalink({ channel: channelId, message_ts: shortcut.message.ts })
        .then((r) => r.permalink)
        .catch(() => undefined);
      const message = {
        // Slack hands a shortcut the message text HTML-escaped (&amp; &lt; &gt;): unescape it once.
        text: unescapeSlackText(shortcut.message.text ?? ""),
        from: "Slack",
        ...(link ? { link } : {}),
      };
      await answer(shortcut.user, { kind: "message_action", actionId: action.id, message }, undefined, {
        client,
        userId: shortcut.user.id,
        channelId,
        triggerId: shortcut.trigger_id,
      });
    });
  }
}

type ViewArgs = SlackViewMiddlewareArgs & AllMiddlewareArgs;

/**
 * A submitted form. Its values are checked before the acknowledgement, because Slack can only show errors
 * next to fields in the ack (response_action: errors) and keeps the modal open with what was typed. After
 * the ack, a double submit of the same modal (same view id) acts once.
 */
async function answerForm(deps: InteractionDeps, { view, body, ack, client }: ViewArgs): Promise<void> {
  const metadata = decodePrivateMetadata(view.private_metadata);
  const target = { client, userId: body.user.id, channelId: metadata.extra.channel };
  const interaction: Interaction = {
    kind: "form",
    submission: {
      formId: view.callback_id,
      hidden: metadata.hidden,
      values: readModalValues(view.state.values as ViewStateValues),
    },
  };
  const invalid: Reply | undefined = deps.desk.check(interaction);
  if (invalid?.kind === "field_errors") {
    const errors = Object.fromEntries(
      Object.entries(invalid.errors).map(([field, text]) => [fieldBlockId(field), text]),
    );
    await ack({ response_action: "errors", errors });
    return;
  }
  await ack();
  if (invalid) return deliverSlackReply(invalid, target);
  const reply = await deps.desk.handle({
    platform: "slack",
    user: body.user,
    interaction,
    claimKey: `view:${view.id}`,
  });
  if (reply) await deliverSlackReply(reply, target);
}
