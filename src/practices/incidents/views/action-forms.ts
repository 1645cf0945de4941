import type { Form, FormField } from "../../../kernel/views/form.js";
import { type FieldPresentation, fieldForArgument } from "../../../kernel/views/form-fields.js";
import { incidentCommand } from "../command.js";
import type { IncidentAction, IncidentSnapshot } from "../model.js";

/**
 * The forms behind card buttons that need input. Each acts on one incident, carried as the hidden `ref`,
 * and its fields are the remaining arguments of the matching `/incident` subcommand.
 */
type Subcommand = keyof typeof incidentCommand.subcommands;

function incidentForm(
  incident: IncidentSnapshot,
  subcommand: Subcommand,
  copy: { readonly title: string; readonly submitLabel: string },
  fields: Readonly<Record<string, FieldPresentation>>,
): Form {
  const built: FormField[] = Object.entries(fields).map(([argument, presentation]) =>
    fieldForArgument(incidentCommand, subcommand, argument, presentation),
  );
  return {
    type: "form",
    id: `incident.${subcommand}`,
    title: copy.title,
    intro: `${incident.ref} · ${incident.title}`,
    submitLabel: copy.submitLabel,
    fields: built,
    hidden: { ref: incident.ref },
  };
}

export function assignForm(incident: IncidentSnapshot): Form {
  return incidentForm(
    incident,
    "assign",
    { title: "Assign incident", submitLabel: "Assign" },
    {
      to: { label: "Assignee", hint: "Who takes it" },
    },
  );
}

export function noteForm(incident: IncidentSnapshot): Form {
  return incidentForm(
    incident,
    "note",
    { title: "Add a note", submitLabel: "Add note" },
    {
      text: { label: "Note", multiline: true },
      internal: { label: "Internal note (agents only)" },
    },
  );
}

export function priorityForm(incident: IncidentSnapshot): Form {
  return incidentForm(
    incident,
    "priority",
    { title: "Change priority", submitLabel: "Change priority" },
    {
      impact: { label: "Impact", initial: incident.impact },
      urgency: { label: "Urgency", initial: incident.urgency },
      reason: { label: "Reason", multiline: true },
    },
  );
}

export function holdForm(incident: IncidentSnapshot): Form {
  return incidentForm(
    incident,
    "hold",
    { title: "Put on hold", submitLabel: "Put on hold" },
    {
      reason: { label: "Waiting for" },
      note: { label: "Note", multiline: true },
    },
  );
}

export function resolveForm(incident: IncidentSnapshot): Form {
  return incidentForm(
    incident,
    "resolve",
    { title: "Resolve incident", submitLabel: "Resolve" },
    {
      code: { label: "Resolution" },
      note: { label: "What was done", multiline: true },
    },
  );
}

export function reopenForm(incident: IncidentSnapshot): Form {
  return incidentForm(
    incident,
    "reopen",
    { title: "Reopen incident", submitLabel: "Reopen" },
    { reason: { label: "Why is it not solved?", multiline: true } },
  );
}

export function cancelForm(incident: IncidentSnapshot): Form {
  return incidentForm(
    incident,
    "cancel",
    { title: "Cancel incident", submitLabel: "Cancel incident" },
    { reason: { label: "Why cancel it?", multiline: true } },
  );
}

const formBuilders: Partial<Record<IncidentAction, (incident: IncidentSnapshot) => Form>> = {
  assign: assignForm,
  add_note: noteForm,
  change_priority: priorityForm,
  hold: holdForm,
  resolve: resolveForm,
  reopen: reopenForm,
  cancel: cancelForm,
};

/** The form a card button opens, or undefined when the action runs at once. */
export function formForIncidentAction(action: IncidentAction, incident: IncidentSnapshot): Form | undefined {
  return formBuilders[action]?.(incident);
}

/** Whether a card button asks for input first (so its platform trigger must be answered promptly). */
export function incidentActionOpensForm(action: IncidentAction): boolean {
  return formBuilders[action] !== undefined;
}
