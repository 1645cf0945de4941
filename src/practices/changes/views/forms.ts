import type { Form, FormField } from "../../../kernel/views/form.js";
import { type FieldPresentation, fieldForArgument } from "../../../kernel/views/form-fields.js";
import { changeCommand } from "../command.js";
import type { ChangeAction, ChangeSnapshot } from "../model.js";
import { formatLocal } from "../planned-window.js";

type Subcommand = keyof typeof changeCommand.subcommands;

function field(subcommand: Subcommand, argument: string, presentation: FieldPresentation): FormField {
  return fieldForArgument(changeCommand, subcommand, argument, presentation);
}

/** Optional in the grammar (a standard change takes them from its template), needed on the form. */
function needed(built: FormField): FormField {
  return { ...built, required: true };
}

export interface ChangeCreateFormOptions {
  readonly services: readonly { readonly id: string; readonly name: string }[];
  readonly timezone: string;
}

/**
 * The request-for-change form. The first five fields are the ones a Discord modal (five components at most)
 * keeps: title, window, services and type; the rest can follow as text options.
 */
export function changeCreateForm(options: ChangeCreateFormOptions): Form {
  const serviceHint = options.services.length
    ? `Comma-separated ids: ${options.services.map((service) => service.id).join(", ")}`.slice(0, 150)
    : "No services are configured";
  return {
    type: "form",
    id: "change.new",
    title: "Request a change",
    intro: `Dates are in your time zone (${options.timezone}).`,
    submitLabel: "Request change",
    fields: [
      needed(field("new", "title", { label: "Title", placeholder: "Upgrade Postgres to 16" })),
      needed(field("new", "start", { label: "Planned start", placeholder: "2026-11-21 22:00" })),
      needed(field("new", "end", { label: "Planned end", placeholder: "2026-11-21 23:30" })),
      field("new", "services", { label: "Services / CIs", placeholder: "payments", hint: serviceHint }),
      field("new", "type", { label: "Type" }),
      field("new", "risk", { label: "Risk", initial: "medium" }),
      field("new", "impact", { label: "Impact", initial: "medium" }),
      field("new", "description", { label: "Description", multiline: true }),
      field("new", "plan", { label: "Implementation plan", multiline: true }),
      field("new", "backout", { label: "Backout plan", multiline: true }),
      field("new", "test", { label: "Test plan", multiline: true }),
    ],
    hidden: {},
  };
}

function changeForm(
  change: ChangeSnapshot,
  subcommand: Subcommand,
  copy: { readonly title: string; readonly submitLabel: string },
  fields: Readonly<Record<string, FieldPresentation>>,
): Form {
  return {
    type: "form",
    id: `change.${subcommand}`,
    title: copy.title,
    intro: `${change.ref} · ${change.title}`,
    submitLabel: copy.submitLabel,
    fields: Object.entries(fields).map(([argument, presentation]) =>
      field(subcommand, argument, presentation),
    ),
    hidden: { ref: change.ref },
  };
}

export function rejectForm(change: ChangeSnapshot): Form {
  return changeForm(
    change,
    "reject",
    { title: "Reject change", submitLabel: "Reject" },
    {
      reason: { label: "Why reject it?", multiline: true },
    },
  );
}

export function closeChangeForm(change: ChangeSnapshot): Form {
  return changeForm(
    change,
    "close",
    { title: "Close change", submitLabel: "Close" },
    {
      code: { label: "How did it go?" },
      notes: { label: "Review notes", multiline: true },
    },
  );
}

export function cancelChangeForm(change: ChangeSnapshot): Form {
  return changeForm(
    change,
    "cancel",
    { title: "Cancel change", submitLabel: "Cancel change" },
    {
      reason: { label: "Why cancel it?", multiline: true },
    },
  );
}

/** Prefilled with the current plan on the person's own wall clock. */
export function rescheduleForm(change: ChangeSnapshot, timezone: string): Form {
  return changeForm(
    change,
    "reschedule",
    { title: "Reschedule change", submitLabel: "Reschedule" },
    {
      start: { label: "Planned start", initial: formatLocal(change.plannedStart, timezone) },
      end: { label: "Planned end", initial: formatLocal(change.plannedEnd, timezone) },
      services: { label: "Services / CIs", initial: change.services.map((service) => service.id).join(", ") },
    },
  );
}

const builders: Partial<Record<ChangeAction, (change: ChangeSnapshot, timezone: string) => Form>> = {
  reject: rejectForm,
  close: closeChangeForm,
  cancel: cancelChangeForm,
  reschedule: rescheduleForm,
};

/** The form a change button opens, or undefined when the action runs at once. */
export function formForChangeAction(
  action: ChangeAction,
  change: ChangeSnapshot,
  timezone: string,
): Form | undefined {
  return builders[action]?.(change, timezone);
}
