import type { REST } from "discord.js";
import {
  type APIInteraction,
  type APIInteractionResponse,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from "discord-api-types/v10";
import {
  type DiscordInteraction,
  type DiscordInteractionKind,
  flattenOptions,
  type NestedOption,
} from "../interaction.js";
import type { SubmittedComponent } from "../render/index.js";

/**
 * The listener facade over a raw HTTP interaction. The initial response is the HTTP answer (`respond`);
 * everything after it is a REST call on the interaction's webhook, which needs no bot token.
 */
export function fromPayload(
  payload: APIInteraction,
  respond: (response: APIInteractionResponse) => void,
  rest: REST,
): DiscordInteraction | undefined {
  const kind = kindOf(payload);
  if (!kind) return undefined;
  const data = (payload.data ?? {}) as {
    name?: string;
    options?: readonly NestedOption[];
    custom_id?: string;
    components?: readonly SubmittedComponent[];
    target_id?: string;
    resolved?: { messages?: Record<string, { id: string; content?: string }> };
  };
  const flat = flattenOptions(data.options);
  const user = payload.member?.user ?? payload.user;
  const target = data.target_id ? data.resolved?.messages?.[data.target_id] : undefined;
  let answered = false;
  const answer = (response: APIInteractionResponse) => {
    if (answered) throw new Error("this interaction was already answered");
    answered = true;
    respond(response);
  };
  return {
    id: payload.id,
    kind,
    user: { id: user?.id ?? "", name: user?.username ?? "" },
    guildId: payload.guild_id,
    channelId: payload.channel?.id,
    commandName: data.name ?? "",
    subcommand: flat.subcommand,
    options: flat.options,
    focused: flat.focused,
    customId: data.custom_id ?? "",
    components: data.components ?? [],
    targetMessage: target ? { id: target.id, content: target.content ?? "" } : undefined,
    showModal: async (modal) => answer({ type: InteractionResponseType.Modal, data: modal }),
    defer: async () => {
      if (answered) return;
      answer({
        type: InteractionResponseType.DeferredChannelMessageWithSource,
        data: { flags: MessageFlags.Ephemeral },
      });
    },
    edit: async (message) => {
      const { flags: _flags, ...body } = message;
      await rest.patch(`/webhooks/${payload.application_id}/${payload.token}/messages/@original`, {
        body,
        auth: false,
      });
    },
    respondChoices: async (choices) =>
      answer({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } }),
  };
}

const chatInput = 1;
const messageCommand = 3;
const button = 2;

function kindOf(payload: APIInteraction): DiscordInteractionKind | undefined {
  switch (payload.type) {
    case InteractionType.ApplicationCommand:
      if (payload.data.type === chatInput) return "command";
      return payload.data.type === messageCommand ? "message_command" : undefined;
    case InteractionType.MessageComponent:
      return payload.data.component_type === button ? "button" : undefined;
    case InteractionType.ModalSubmit:
      return "modal";
    case InteractionType.ApplicationCommandAutocomplete:
      return "autocomplete";
    default:
      return undefined;
  }
}
