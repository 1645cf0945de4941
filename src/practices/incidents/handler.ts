import { helpText } from "../../kernel/commands/help-text.js";
import { resolveActor } from "../../kernel/people/resolve-actor.js";
import { incidentCard, incidentList } from "../../kernel/views/index.js";
import { privateNotice, type Reply } from "../../kernel/views/reply.js";
import { commandRegistry, type IncidentCommand } from "../registry.js";
import { applyIncidentAction } from "./apply-incident-action.js";
import { actionsFor } from "./available-actions.js";
import { createIncident } from "./create-incident.js";
import { findIncident } from "./find-incident.js";
import type { IncidentActionInput } from "./inputs.js";
import type { InteractionContext } from "./interaction-context.js";
import { listIncidents } from "./list-incidents.js";

const doneMessages: Record<string, (ref: string) => string> = {
  acknowledged: (ref) => `You acknowledged ${ref}.`,
  assigned: (ref) => `${ref} is assigned.`,
  note_added: (ref) => `Your note is on ${ref}.`,
  priority_changed: (ref) => `${ref}'s priority changed.`,
  put_on_hold: (ref) => `${ref} is on hold.`,
  resumed: (ref) => `${ref} is back in progress.`,
  resolved: (ref) => `${ref} is resolved.`,
  reopened: (ref) => `${ref} is reopened.`,
  closed: (ref) => `${ref} is closed.`,
  cancelled: (ref) => `${ref} is cancelled.`,
  major_declared: (ref) => `${ref} is now a major incident.`,
};

/**
 * Runs one typed `/incident` command, however it arrived (typed text, Discord options, a button, a form),
 * and says what to show the person. Platform-neutral: every adapter calls this.
 */
export async function runIncidentCommand(ctx: InteractionContext, command: IncidentCommand): Promise<Reply> {
  const { incidents, actor } = ctx;
  switch (command.subcommand) {
    case "help":
      return privateNotice("info", helpText(commandRegistry, "incident"));
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
      return privateNotice(
        "success",
        `${incident.ref} is raised with priority ${incident.priority}: ${incident.title}`,
      );
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
    default: {
      const input = await actionInput(ctx, command);
      const result = await applyIncidentAction(incidents, actor, command.args.ref, input);
      const message =
        doneMessages[result.kind]?.(result.incident.ref) ?? `${result.incident.ref} is updated.`;
      return privateNotice("success", message);
    }
  }
}

type ActionCommand = Exclude<IncidentCommand, { subcommand: "help" | "new" | "list" | "show" }>;

async function actionInput(ctx: InteractionContext, command: ActionCommand): Promise<IncidentActionInput> {
  switch (command.subcommand) {
    case "ack":
      return { type: "acknowledge" };
    case "assign": {
      if (!command.args.to) return { type: "assign_to_me" };
      // A mention names a chat account; the core assigns people, so find (or meet) the person behind it.
      const assignee = await resolveActor(ctx.incidents.db, {
        platform: ctx.platform,
        externalId: command.args.to.platformId,
        displayName: command.args.to.platformId,
      });
      return { type: "assign", assigneeId: assignee.person.id };
    }
    case "note":
      return {
        type: "add_note",
        body: command.args.text,
        visibility: command.args.internal ? "internal" : "public",
      };
    case "priority": {
      const current = await findIncident(ctx.incidents.db, command.args.ref);
      return {
        type: "change_priority",
        impact: command.args.impact ?? current.impact,
        urgency: command.args.urgency ?? current.urgency,
        reason: command.args.reason,
      };
    }
    case "hold":
      return {
        type: "hold",
        reason: command.args.reason,
        ...(command.args.note ? { note: command.args.note } : {}),
      };
    case "resume":
      return { type: "resume" };
    case "resolve":
      return { type: "resolve", code: command.args.code, note: command.args.note };
    case "reopen":
      return { type: "reopen", reason: command.args.reason };
    case "close":
      return { type: "close" };
    case "cancel":
      return { type: "cancel", reason: command.args.reason };
    case "major":
      return { type: "declare_major" };
  }
}
