import { type Interaction, MessageFlags } from "discord.js";
import type { APIModalInteractionResponseCallbackData } from "discord-api-types/v10";
import {
  type DiscordInteraction,
  type DiscordInteractionKind,
  flattenOptions,
  type NestedOption,
} from "../interaction.js";
import type { DiscordMessage, SubmittedComponent } from "../render/index.js";

type Answerable = Extract<Interaction, { deferReply: unknown }>;

/** The listener facade over a discord.js Interaction; undefined for kinds OpsDesk does not handle. */
export function fromDiscordJs(interaction: Interaction): DiscordInteraction | undefined {
  const kind = kindOf(interaction);
  if (!kind) return undefined;
  const nested: readonly NestedOption[] =
    interaction.isChatInputCommand() || interaction.isAutocomplete() ? interaction.options.data : [];
  const flat = flattenOptions(nested);
  const target = interaction.isMessageContextMenuCommand() ? interaction.targetMessage : undefined;
  const components: readonly SubmittedComponent[] = interaction.isModalSubmit() ? interaction.components : [];
  let answered = false;
  const answerable = (): Answerable => {
    if (interaction.isAutocomplete()) throw new Error("autocomplete answers with choices only");
    return interaction as Answerable;
  };
  return {
    id: interaction.id,
    kind,
    user: { id: interaction.user.id, name: interaction.user.username },
    guildId: interaction.guildId ?? undefined,
    channelId: interaction.channelId ?? undefined,
    commandName: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : "",
    subcommand: flat.subcommand,
    options: flat.options,
    focused: flat.focused,
    customId: interaction.isButton() || interaction.isModalSubmit() ? interaction.customId : "",
    components,
    targetMessage: target ? { id: target.id, content: target.content } : undefined,
    showModal: async (modal: APIModalInteractionResponseCallbackData) => {
      if (!(interaction.isCommand() || interaction.isMessageComponent())) {
        throw new Error("only commands and components can open a modal");
      }
      answered = true;
      await interaction.showModal(modal);
    },
    defer: async () => {
      if (answered) return;
      answered = true;
      await answerable().deferReply({ flags: MessageFlags.Ephemeral });
    },
    edit: async (message: DiscordMessage) => {
      await answerable().editReply({
        content: message.content ?? "",
        embeds: message.embeds,
        components: message.components,
        allowedMentions: { parse: [] },
      });
    },
    respondChoices: async (choices) => {
      if (!interaction.isAutocomplete()) throw new Error("only autocomplete answers with choices");
      await interaction.respond(choices);
    },
  };
}

function kindOf(interaction: Interaction): DiscordInteractionKind | undefined {
  if (interaction.isChatInputCommand()) return "command";
  if (interaction.isMessageContextMenuCommand()) return "message_command";
  if (interaction.isButton()) return "button";
  if (interaction.isModalSubmit()) return "modal";
  if (interaction.isAutocomplete()) return "autocomplete";
  return undefined;
}
