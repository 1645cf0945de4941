import type { Form } from "../../../kernel/views/form.js";
import { fieldForArgument } from "../../../kernel/views/form-fields.js";
import { incidentCommand } from "../command.js";
import { incidentLimits } from "../model.js";

export interface IncidentCreateFormOptions {
  readonly services: readonly { readonly id: string; readonly name: string }[];
  /** From the message the incident is raised from, or the words typed after `/incident`. */
  readonly prefill?: { readonly title?: string; readonly description?: string };
}

/** Prefill comes from arbitrary messages; clipping keeps the form submittable as it opens. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function incidentCreateForm(options: IncidentCreateFormOptions): Form {
  const field = (argument: string, presentation: Parameters<typeof fieldForArgument>[3]) =>
    fieldForArgument(incidentCommand, "new", argument, presentation);
  const title = options.prefill?.title?.replace(/\s+/g, " ").trim();
  const description = options.prefill?.description?.trim();
  return {
    type: "form",
    id: "incident.new",
    title: "Report an incident",
    submitLabel: "Open incident",
    fields: [
      field("title", {
        label: "Title",
        placeholder: "Payments API is down",
        ...(title ? { initial: clip(title, incidentLimits.titleMax) } : {}),
      }),
      field("description", {
        label: "Description",
        multiline: true,
        ...(description ? { initial: clip(description, incidentLimits.descriptionMax) } : {}),
      }),
      field("impact", { label: "Impact" }),
      field("urgency", { label: "Urgency" }),
      ...(options.services.length === 0
        ? []
        : [
            field("service", {
              label: "Service",
              options: options.services.map((service) => ({ value: service.id, label: service.name })),
            }),
          ]),
      field("category", { label: "Category", placeholder: "network" }),
    ],
    hidden: {},
  };
}
