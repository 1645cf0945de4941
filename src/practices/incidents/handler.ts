import { defineRegistry } from "../../kernel/commands/command-spec.js";
import { helpText } from "../../kernel/commands/help-text.js";
import { resolveActor } from "../../kernel/people/resolve-actor.js";
import { linkSection } from "../../kernel/tickets/link-fields.js";
import { privateNotice, type Reply } from "../../kernel/views/reply.js";
import {
  type AnyIncidentActionEntry,
  actionForSubcommand,
  incidentActionTable,
  type PersonLookup,
} from "./action-table.js";
import { applyIncidentAction } from "./apply-incident-action.js";
import { actionsFor } from "./available-actions.js";
import { type IncidentCommand, incidentCommand } from "./command.js";
import { createIncident } from "./create-incident.js";
import { findIncident } from "./find-incident.js";
import type { IncidentActionInput } from "./inputs.js";
import { linkIncident } from "./link-incident.js";
import { listIncidents } from "./list-incidents.js";
import { INCIDENT_PREFIX, type IncidentAction, type IncidentSnapshot } from "./model.js";
import type { IncidentRequest } from "./request.js";
import { incidentCard } from "./views/card.js";
import { incidentList } from "./views/list.js";

/**
 * Runs one typed `/incident` command, however it arrived (typed text, Discord options, a button, a form),
 * and says what to show the person. Platform-neutral: every adapter calls this.
 */
export async function runIncidentCommand(ctx: IncidentRequest, command: IncidentCommand): Promise<Reply> {
  const { incidents, actor } = ctx;
  switch (command.subcommand) {
    case "help":
      return privateNotice("info", helpText(defineRegistry([incidentCommand]), "incident"));
    case "new": {
      const { title, impact, urgency, service, category, description } = command.args;
      const incident = await createIncident(incidents, actor, {
        title,
        impact,
        urgency,
        ...(service ? { serviceId: service } : {}),
        ...(category ? { category } : {}),
        ...(description ? { description } : {}),
      });
      return raisedReply(ctx, incident);
    }
    case "list": {
      const page = await listIncidents(incidents.db, actor, {
        scope: command.args.scope,
        ...(command.args.service ? { serviceId: command.args.service } : {}),
      });
      const titles = { mine: "Your open incidents", open: "Open incidents", all: "All incidents" } as const;
      const more = page.total > page.incidents.length ? ` (${page.incidents.length} of ${page.total})` : "";
      return { kind: "view", view: incidentList(`${titles[command.args.scope]}${more}`, page.incidents) };
    }
    case "show": {
      const incident = await findIncident(incidents.db, command.args.ref);
      return { kind: "view", view: incidentCard(incident, actionsFor(actor, incident)) };
    }
    case "link":
    case "unlink": {
      const { ref, item } = command.args;
      const remove = command.subcommand === "unlink";
      const relation = command.subcommand === "link" ? command.args.as : undefined;
      const done = await linkIncident(incidents, actor, { number: ref, item, relation, remove });
      return privateNotice(
        "success",
        remove
          ? `${done.incident} is no longer linked to ${done.other.label}.`
          : `${done.incident} is linked to ${done.other.label} (${done.relation}): ${done.other.title}`,
      );
    }
    default: {
      const action = actionForSubcommand(command.subcommand);
      // The entry's input takes the arguments of its own subcommand; actionForSubcommand picked it by name.
      const entry = incidentActionTable[action] as AnyIncidentActionEntry;
      const input = await (
        entry.input as (
          args: typeof command.args,
          people: PersonLookup,
        ) => ReturnType<AnyIncidentActionEntry["input"]>
      )(command.args, personLookup(ctx));
      return applyAndTell(ctx, action, command.args.ref, input);
    }
  }
}

/**
 * "INC-7 is raised": a notice, or a private card when other practices linked something worth knowing at
 * once (a known error that looks like it, with its workaround and the button to apply it).
 */
async function raisedReply(ctx: IncidentRequest, incident: IncidentSnapshot): Promise<Reply> {
  const text = `${incident.ref} is raised with priority ${incident.priority}: ${incident.title}`;
  const { tickets, db } = ctx.incidents;
  const linked =
    tickets && (await linkSection(db, tickets, { kind: INCIDENT_PREFIX, key: String(incident.number) }));
  if (!linked || linked.items.length === 0) return privateNotice("success", text);
  return {
    kind: "view",
    view: { type: "card", title: text, fields: linked.fields, actions: linked.actions, links: [] },
  };
}

/** Applies one action and tells the person what it did, in the words of the action table. */
export async function applyAndTell(
  ctx: IncidentRequest,
  action: IncidentAction,
  number: number,
  input: IncidentActionInput,
): Promise<Reply> {
  const result = await applyIncidentAction(ctx.incidents, ctx.actor, number, input);
  return privateNotice("success", incidentActionTable[action].done(result.incident.ref));
}

/** A mention names a chat account on the platform the request came from; the core assigns people. */
export function personLookup(ctx: IncidentRequest): PersonLookup {
  return async (platformId) => {
    const person = await resolveActor(ctx.incidents.db, {
      platform: ctx.platform,
      externalId: platformId,
      displayName: platformId,
    });
    return person.person.id;
  };
}
