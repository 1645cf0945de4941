import type { APIApplicationCommandOptionChoice } from "discord-api-types/v10";
import { INCIDENT_PREFIX } from "../../../../practices/incidents/model.js";
import type { DiscordInteraction } from "../../interaction.js";
import { truncate } from "../../render/index.js";
import type { DiscordListenerDeps } from "../deps.js";

// Discord shows at most 25 choices, each name and value at most 100 characters.
const maxChoices = 25;
const choiceText = 100;
const openStatuses = ["new", "in_progress", "on_hold"];

/** Suggestions while typing: services by id or name, tickets among open incidents by number or title. */
export async function handleIncidentAutocomplete(
  interaction: DiscordInteraction,
  deps: DiscordListenerDeps,
): Promise<void> {
  const focused = interaction.focused;
  const typed = focused?.value.trim() ?? "";
  let choices: APIApplicationCommandOptionChoice<string>[] = [];
  if (focused?.name === "service") choices = await serviceChoices(deps, typed);
  else if (focused?.name === "ref") choices = await ticketChoices(deps, typed);
  await interaction.respondChoices(choices.slice(0, maxChoices));
}

async function serviceChoices(deps: DiscordListenerDeps, typed: string) {
  const lower = typed.toLowerCase();
  const services = await deps.incidents.db.service.findMany({
    where: { active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  return services
    .filter((s) => s.id.toLowerCase().startsWith(lower) || s.name.toLowerCase().includes(lower))
    .slice(0, maxChoices)
    .map((s) => ({ name: truncate(`${s.name} (${s.id})`, choiceText), value: s.id }));
}

async function ticketChoices(deps: DiscordListenerDeps, typed: string) {
  const digits = typed.replace(new RegExp(`^${INCIDENT_PREFIX}-?`, "i"), "");
  const incidents = await deps.incidents.db.incident.findMany({
    where: { status: { in: openStatuses } },
    orderBy: { number: "desc" },
    take: 200,
    select: { number: true, title: true },
  });
  return incidents
    .filter((i) => String(i.number).startsWith(digits) || i.title.toLowerCase().includes(typed.toLowerCase()))
    .slice(0, maxChoices)
    .map((i) => {
      const ref = `${INCIDENT_PREFIX}-${i.number}`;
      return { name: truncate(`${ref} ${i.title}`, choiceText), value: ref };
    });
}
