import { ButtonStyle, ComponentType } from "discord.js";
import { errorReply } from "../../../desk/error-reply.js";
import type { Interaction } from "../../../desk/interaction.js";
import { deliverDiscordReply, replyMessage } from "../deliver-reply.js";
import { type DiscordInteraction, jumpLink } from "../interaction.js";
import {
  type ActionCustomId,
  decodeCustomId,
  encodeActionCustomId,
  modalToFormSubmission,
  renderForm,
  truncate,
} from "../render/index.js";
import { noMentions } from "../render/message.js";
import { isAlreadyAnswered } from "./claim.js";
import type { DiscordListenerDeps } from "./deps.js";

// Discord shows at most 25 choices, each name at most 100 characters.
const maxChoices = 25;
const choiceText = 100;

/**
 * Routes one interaction to the desk, the same way for the gateway and HTTP modes. The first response
 * comes at once: a modal when the desk says the answer is a form (decided without I/O), otherwise a
 * private deferral. Then the desk claims the interaction id (a gateway resume or an HTTP retry acts once),
 * does the work and the deferred reply is edited with what happened. No listener names a practice.
 */
export async function dispatchDiscordInteraction(
  interaction: DiscordInteraction,
  deps: DiscordListenerDeps,
): Promise<void> {
  try {
    if (interaction.kind === "autocomplete") return await suggest(interaction, deps);
    const neutral = toInteraction(interaction, deps);
    if (neutral === "confirm") return await askToConfirm(interaction, deps);
    if (neutral) await answer(interaction, deps, neutral);
  } catch (error) {
    if (isAlreadyAnswered(error)) {
      deps.log.debug({ interaction: interaction.id }, "a replayed Discord interaction was ignored");
      return;
    }
    // The listener failed before answering (or while answering): try once to tell the person privately.
    const reply = errorReply(error, deps.log);
    await interaction
      .defer()
      .then(() => interaction.edit(replyMessage(reply)))
      .catch((cause: unknown) => deps.log.warn({ err: cause }, "could not report a Discord failure"));
  }
}

/** The neutral interaction, "confirm" for a `c:` button that must ask first, or undefined if not ours. */
function toInteraction(
  interaction: DiscordInteraction,
  deps: DiscordListenerDeps,
): Interaction | "confirm" | undefined {
  switch (interaction.kind) {
    case "command":
      return {
        kind: "command_options",
        command: interaction.commandName,
        subcommand: interaction.subcommand,
        options: interaction.options,
      };
    case "message_command": {
      const action = deps.desk.messageActions.find((a) => a.label === interaction.commandName);
      if (!action) return undefined;
      // Interactions carry the target message's content even without the privileged MessageContent intent.
      const target = interaction.targetMessage;
      const link = target ? jumpLink(interaction.guildId, interaction.channelId, target.id) : "";
      const message = { text: target?.content ?? "", from: "Discord", ...(link ? { link } : {}) };
      return { kind: "message_action", actionId: action.id, message };
    }
    case "button": {
      const id = decodeCustomId(interaction.customId);
      // Ids OpsDesk did not write (another bot's, an older scheme) are not ours to answer.
      if (id?.kind !== "action") return undefined;
      if (id.confirm && deps.desk.action(id.actionId)) return "confirm";
      return { kind: "button", actionId: id.actionId, value: id.value };
    }
    case "modal": {
      const id = decodeCustomId(interaction.customId);
      if (id?.kind !== "form") return undefined;
      const submission = modalToFormSubmission(interaction);
      if (!submission) throw new Error(`modal ${interaction.customId} is not an OpsDesk form`);
      return { kind: "form", submission };
    }
    default:
      return undefined;
  }
}

async function answer(
  interaction: DiscordInteraction,
  deps: DiscordListenerDeps,
  neutral: Interaction,
): Promise<void> {
  const user = interaction.user;
  if (deps.desk.opensForm(neutral)) {
    // A modal must be Discord's first response. Opening a form changes nothing, so nothing is claimed.
    const reply = await deps.desk.handle({ platform: "discord", user, interaction: neutral });
    if (reply?.kind === "form") return interaction.showModal(renderForm(reply.form).modal);
    // No form after all (an unknown ticket, say): explain privately.
    await interaction.defer();
    if (reply) await deliverDiscordReply(reply, interaction);
    return;
  }
  await interaction.defer();
  const reply = await deps.desk.handle({
    platform: "discord",
    user,
    interaction: neutral,
    claimKey: `interaction:${interaction.id}`,
  });
  if (reply) await deliverDiscordReply(reply, interaction);
}

/** Discord buttons have no confirm dialog: the question, privately, with an `a:` button that acts. */
async function askToConfirm(interaction: DiscordInteraction, deps: DiscordListenerDeps): Promise<void> {
  const id = decodeCustomId(interaction.customId) as ActionCustomId;
  const action = deps.desk.action(id.actionId);
  await interaction.defer();
  await interaction.edit({
    content: `❓ ${action?.confirm ?? "Are you sure?"}`,
    embeds: [],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Danger,
            label: action?.label ?? "Confirm",
            custom_id: encodeActionCustomId({ actionId: id.actionId, value: id.value, confirm: false }),
          },
        ],
      },
    ],
    allowed_mentions: noMentions,
  });
}

/** Suggestions while typing: the same for every command, from the desk (services, open tickets). */
async function suggest(interaction: DiscordInteraction, deps: DiscordListenerDeps): Promise<void> {
  const focused = interaction.focused;
  if (!focused) return interaction.respondChoices([]);
  const suggestions = await deps.desk.suggestOption({
    command: interaction.commandName,
    subcommand: interaction.subcommand,
    option: focused.name,
    typed: focused.value,
  });
  await interaction.respondChoices(
    suggestions.slice(0, maxChoices).map((s) => ({ name: truncate(s.line, choiceText), value: s.value })),
  );
}
