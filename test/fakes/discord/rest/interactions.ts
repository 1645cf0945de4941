import {
  alreadyAcknowledged,
  DiscordRestError,
  invalidFormBody,
  unknownInteraction,
} from "../http/errors.js";
import type { RouteContext, Router } from "../http/router.js";
import { asRecord, type JsonRecord } from "../json.js";
import { autocompleteFormErrors } from "../limits/autocomplete-limits.js";
import { FormErrors } from "../limits/form-errors.js";
import { modalFormErrors } from "../limits/modal-limits.js";
import type { FakeState, InteractionState } from "../state.js";
import type { FakeMessage } from "../types.js";
import { INITIAL_RESPONSE_DEADLINE_MS } from "./interaction-tokens.js";
import { editStoredMessage, storeMessage, validateMessageBody } from "./message-store.js";

// https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-interaction-callback-type
const CHANNEL_MESSAGE = 4;
const DEFERRED_CHANNEL_MESSAGE = 5;
const DEFERRED_UPDATE_MESSAGE = 6;
const UPDATE_MESSAGE = 7;
const AUTOCOMPLETE_RESULT = 8;
const MODAL = 9;

const APPLICATION_COMMAND = 2;
const MESSAGE_COMPONENT = 3;
const AUTOCOMPLETE = 4;
const MODAL_SUBMIT = 5;

const LOADING_FLAG = 128;
const EPHEMERAL_FLAG = 64;

/** Which callback types each interaction type accepts. */
const ALLOWED: Record<number, readonly number[]> = {
  [APPLICATION_COMMAND]: [CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, MODAL],
  [MESSAGE_COMPONENT]: [
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    DEFERRED_UPDATE_MESSAGE,
    UPDATE_MESSAGE,
    MODAL,
  ],
  [AUTOCOMPLETE]: [AUTOCOMPLETE_RESULT],
  [MODAL_SUBMIT]: [CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, DEFERRED_UPDATE_MESSAGE, UPDATE_MESSAGE],
};

function invalidType(type: unknown): DiscordRestError {
  const errors = new FormErrors();
  errors.add(
    ["type"],
    "INTERACTION_RESPONSE_TYPE_INVALID",
    `Interaction response type ${String(type)} is not valid here`,
  );
  return invalidFormBody(errors.toJSON());
}

function interactionMetadata(state: FakeState, interaction: InteractionState): JsonRecord {
  return {
    id: interaction.id,
    type: interaction.type,
    user: asRecord(state.humanMember().user),
    authorizing_integration_owners: { "0": state.config.guildId },
  };
}

function createOriginal(state: FakeState, interaction: InteractionState, data: JsonRecord): FakeMessage {
  const message = storeMessage(state, interaction.channelId, data, {
    webhook_id: state.config.applicationId,
    application_id: state.config.applicationId,
    // Replies to slash commands are type 20 (CHAT_INPUT_COMMAND); others are plain.
    type: interaction.type === APPLICATION_COMMAND ? 20 : 0,
    interaction_metadata: interactionMetadata(state, interaction),
  });
  interaction.originalMessageId = message.id;
  return message;
}

function messageData(context: RouteContext, data: JsonRecord, creating: boolean): JsonRecord {
  try {
    return validateMessageBody(data, { creating, fileCount: context.files.length });
  } catch (error) {
    // Callback field errors are nested under `data`, as on Discord.
    if (error instanceof DiscordRestError && error.code === 50035 && error.errors) {
      throw invalidFormBody({ data: error.errors });
    }
    throw error;
  }
}

function respond(
  context: RouteContext,
  interaction: InteractionState,
  type: number,
  data: JsonRecord,
): FakeMessage | undefined {
  const { state } = context;
  switch (type) {
    case CHANNEL_MESSAGE:
      return createOriginal(state, interaction, messageData(context, data, true));
    case DEFERRED_CHANNEL_MESSAGE: {
      const flags = typeof data.flags === "number" ? data.flags & EPHEMERAL_FLAG : 0;
      // A deferred reply is a visible "Bot is thinking…" message with the LOADING flag and no content.
      return createOriginal(state, interaction, { content: "", flags: flags | LOADING_FLAG });
    }
    case DEFERRED_UPDATE_MESSAGE:
    case UPDATE_MESSAGE: {
      const source = interaction.sourceMessageId ? state.findMessage(interaction.sourceMessageId) : undefined;
      if (!source) throw invalidType(type);
      interaction.originalMessageId = source.id;
      return type === UPDATE_MESSAGE
        ? editStoredMessage(state, source, messageData(context, data, false))
        : source;
    }
    case AUTOCOMPLETE_RESULT: {
      const errors = autocompleteFormErrors(data);
      if (!errors.empty) throw invalidFormBody(errors.toJSON());
      return undefined;
    }
    case MODAL: {
      const errors = modalFormErrors(data);
      if (!errors.empty) throw invalidFormBody(errors.toJSON());
      return undefined;
    }
    default:
      throw invalidType(type);
  }
}

function callbackResponse(
  interaction: InteractionState,
  type: number,
  message: FakeMessage | undefined,
): JsonRecord {
  return {
    interaction: {
      id: interaction.id,
      type: interaction.type,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading: (message.flags & LOADING_FLAG) !== 0,
            response_message_ephemeral: (message.flags & EPHEMERAL_FLAG) !== 0,
          }
        : {}),
    },
    resource: { type, ...(message && type !== DEFERRED_UPDATE_MESSAGE ? { message } : {}) },
  };
}

export function registerInteractionRoutes(router: Router): void {
  router.add(
    "POST",
    "/interactions/:interactionId/:token/callback",
    (context) => {
      const { state } = context;
      const interaction = state.interactions.get(context.param("interactionId"));
      if (!interaction || interaction.token !== context.param("token")) throw unknownInteraction();
      if (interaction.acknowledged) throw alreadyAcknowledged();
      if (state.now() - interaction.issuedAt > INITIAL_RESPONSE_DEADLINE_MS) throw unknownInteraction();
      const body = asRecord(context.body);
      const type = body.type;
      if (typeof type !== "number" || !(ALLOWED[interaction.type] ?? []).includes(type))
        throw invalidType(type);
      const message = respond(context, interaction, type, asRecord(body.data));
      interaction.acknowledged = true;
      state.recordInteractionResponse(interaction, {
        kind: "callback",
        type,
        body,
        messageId: message?.id,
        at: state.now(),
      });
      // discord.js always sends `with_response`; without it (or false) Discord answers 204 No Content.
      if (context.query.get("with_response") === "true") {
        return { status: 200, body: callbackResponse(interaction, type, message) };
      }
      return { status: 204 };
    },
    { auth: false },
  );
}
