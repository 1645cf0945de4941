import type { Form, FormField } from "../../../kernel/views/form.js";
import { type FieldPresentation, fieldForArgument } from "../../../kernel/views/form-fields.js";
import { releaseCommand } from "../command.js";

function field(argument: string, presentation: FieldPresentation): FormField {
  return { ...fieldForArgument(releaseCommand, "new", argument, presentation) };
}

function needed(built: FormField): FormField {
  return { ...built, required: true };
}

/**
 * The release form. The first five fields are the ones a Discord modal keeps (five components at most);
 * without services the release touches its changes' services, and without a manager it is the planner.
 */
export function releaseCreateForm(timezone: string): Form {
  return {
    type: "form",
    id: "release.new",
    title: "Plan a release",
    intro: `Dates are in your time zone (${timezone}).`,
    submitLabel: "Plan release",
    fields: [
      needed(field("name", { label: "Name", placeholder: "Payments spring release" })),
      needed(field("version", { label: "Version", placeholder: "4.2.0" })),
      needed(field("start", { label: "Target start", placeholder: "2026-11-21 22:00" })),
      needed(field("end", { label: "Target end", placeholder: "2026-11-21 23:00" })),
      field("changes", { label: "Included changes", placeholder: "CHG-12, CHG-13" }),
      field("services", { label: "Services / CIs", placeholder: "payments" }),
      field("manager", { label: "Release manager" }),
    ],
    hidden: {},
  };
}
