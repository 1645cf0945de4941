import { errorReply } from "../../../desk/error-reply.js";
import { RAISE_INCIDENT_COMMAND } from "../commands/index.js";
import { replyMessage } from "../deliver-reply.js";
import type { DiscordInteraction } from "../interaction.js";
import { decodeCustomId } from "../render/index.js";
import { handleChangeAutocomplete } from "./autocomplete/change-options.js";
import { handleIncidentAutocomplete } from "./autocomplete/incident-options.js";
import { isAlreadyAnswered } from "./claim.js";
import { handleChangeCommand } from "./commands/change.js";
import { handleIncidentCommand } from "./commands/incident.js";
import { handleRaiseIncident } from "./commands/raise-incident.js";
import { handleSlaCommand } from "./commands/sla.js";
import { handleChangeButton } from "./components/change-button.js";
import { handleIncidentButton } from "./components/incident-button.js";
import type { DiscordListenerDeps } from "./deps.js";
import { handleChangeForm } from "./modals/change-form.js";
import { handleIncidentForm } from "./modals/incident-form.js";

/**
 * Routes one interaction to its listener, the same way for the gateway and HTTP modes. The listener gives
 * its first response at once (a modal, or a private deferral) and claims the interaction id before it
 * changes anything (listeners/claim.ts), so a redelivered interaction (gateway resume, an HTTP retry) acts
 * once, and Discord's 3-second deadline never waits on the database.
 */
export async function dispatchDiscordInteraction(
  interaction: DiscordInteraction,
  deps: DiscordListenerDeps,
): Promise<void> {
  try {
    if (interaction.kind === "autocomplete") {
      // Services and tickets are suggested the same way for every command that takes them.
      if (interaction.commandName === "incident" || interaction.commandName === "sla") {
        await handleIncidentAutocomplete(interaction, deps);
      }
      if (interaction.commandName === "change") await handleChangeAutocomplete(interaction, deps);
      return;
    }
    await route(interaction, deps);
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

async function route(interaction: DiscordInteraction, deps: DiscordListenerDeps): Promise<void> {
  switch (interaction.kind) {
    case "command":
      if (interaction.commandName === "incident") return handleIncidentCommand(interaction, deps);
      if (interaction.commandName === "change") return handleChangeCommand(interaction, deps);
      if (interaction.commandName === "sla") return handleSlaCommand(interaction, deps);
      return;
    case "message_command":
      if (interaction.commandName === RAISE_INCIDENT_COMMAND) return handleRaiseIncident(interaction, deps);
      return;
    case "button": {
      const id = decodeCustomId(interaction.customId);
      // Ids OpsDesk did not write (another bot's, an older scheme) are not ours to answer.
      if (id?.kind !== "action") return;
      if (id.actionId.startsWith("change.")) return handleChangeButton(interaction, deps, id);
      return handleIncidentButton(interaction, deps, id);
    }
    case "modal": {
      const id = decodeCustomId(interaction.customId);
      if (id?.kind !== "form") return;
      if (id.formId.startsWith("change.")) return handleChangeForm(interaction, deps);
      return handleIncidentForm(interaction, deps);
    }
    default:
      return;
  }
}
