import { unknownWebhook } from "../http/errors.js";
import type { RouteContext, Router } from "../http/router.js";
import type { InteractionState } from "../state.js";
import type { InteractionResponseKind } from "../types.js";
import { followupMessage, interactionForWebhook } from "./interaction-tokens.js";
import { attachmentsFor, editStoredMessage, storeMessage, validateMessageBody } from "./message-store.js";

/** The interaction behind a token webhook, once its HTTP-mode answer (if any) has been applied. */
async function interactionOf(context: RouteContext): Promise<InteractionState> {
  const interaction = interactionForWebhook(
    context.state,
    context.param("applicationId"),
    context.param("token"),
  );
  await interaction.httpAnswer;
  return interaction;
}

function record(
  context: RouteContext,
  interaction: InteractionState,
  kind: InteractionResponseKind,
  messageId: string,
): void {
  context.state.recordInteractionResponse(interaction, {
    kind,
    body: context.body,
    messageId,
    at: context.state.now(),
  });
}

/**
 * Interaction webhooks: `@original` and follow-ups. discord.js calls these with `auth: false` and
 * percent-encodes `@original` as `%40original`; the router decodes path segments before matching.
 */
export function registerWebhookRoutes(router: Router): void {
  const open = { auth: false };
  router.add(
    "POST",
    "/webhooks/:applicationId/:token",
    async (context) => {
      const interaction = await interactionOf(context);
      // Follow-ups need an acknowledged interaction; before that the webhook does not exist yet.
      if (!interaction.acknowledged) throw unknownWebhook();
      const data = validateMessageBody(context.body, { creating: true, fileCount: context.files.length });
      const message = storeMessage(
        context.state,
        interaction.channelId,
        data,
        {
          webhook_id: context.state.config.applicationId,
          application_id: context.state.config.applicationId,
        },
        attachmentsFor(context.state, context.files),
      );
      interaction.followupIds.push(message.id);
      record(context, interaction, "followup", message.id);
      // Without `?wait=true` Discord answers 204 and no message; discord.js always waits.
      if (context.query.get("wait") !== "true") return { status: 204 };
      return { status: 200, body: message };
    },
    open,
  );
  router.add(
    "GET",
    "/webhooks/:applicationId/:token/messages/:messageId",
    async (context) => ({
      status: 200,
      body: followupMessage(context.state, await interactionOf(context), context.param("messageId")),
    }),
    open,
  );
  router.add(
    "PATCH",
    "/webhooks/:applicationId/:token/messages/:messageId",
    async (context) => {
      const interaction = await interactionOf(context);
      const message = followupMessage(context.state, interaction, context.param("messageId"));
      const data = validateMessageBody(context.body, { creating: false, fileCount: context.files.length });
      if (context.files.length > 0) {
        message.attachments = [
          ...(Array.isArray(message.attachments) ? message.attachments : []),
          ...attachmentsFor(context.state, context.files),
        ];
      }
      const edited = editStoredMessage(context.state, message, data);
      const isOriginal = context.param("messageId") === "@original";
      record(context, interaction, isOriginal ? "edit-original" : "edit-followup", edited.id);
      return { status: 200, body: edited };
    },
    open,
  );
  router.add(
    "DELETE",
    "/webhooks/:applicationId/:token/messages/:messageId",
    async (context) => {
      const interaction = await interactionOf(context);
      const message = followupMessage(context.state, interaction, context.param("messageId"));
      context.state.deleteMessage(message.id);
      const isOriginal = context.param("messageId") === "@original";
      record(context, interaction, isOriginal ? "delete-original" : "delete-followup", message.id);
      return { status: 204 };
    },
    open,
  );
}
