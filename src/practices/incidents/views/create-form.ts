import { clipText } from "../../../kernel/text/clip.js";
import type { Form } from "../../../kernel/views/form.js";
import { fieldForArgument } from "../../../kernel/views/form-fields.js";
import { incidentCommand } from "../command.js";
import { incidentLimits } from "../model.js";

export interface IncidentCreateFormOptions {
  readonly services: readonly { readonly id: string; readonly name: string }[];
  /** From the message the incident is raised from, or the words typed after `/incident`. */
  readonly prefill?: { readonly title?: string; readonly description?: string };
}

/**
 * Prefill comes from arbitrary messages; clipping keeps the form submittable as it opens, and clipping by
 * grapheme keeps it valid Unicode (an emoji across the limit would otherwise leave a lone surrogate).
 */
const clip = clipText;

/**
 * What "Raise incident" on a chat message prefills: its first non-blank line as the title, and the message
 * followed by a line linking back to it as the description. The message is clipped first so the link
 * always survives a long message; the form clips the title.
 */
export function prefillFromMessage(
  text: string,
  link: { readonly label: string; readonly url: string } | undefined,
): { title: string; description: string } {
  const title = text.split("\n").find((line) => line.trim() !== "") ?? "";
  const linkLine = link ? `${link.label}: ${link.url}` : "";
  const room = incidentLimits.descriptionMax - (linkLine ? linkLine.length + 2 : 0);
  const description = [clipText(text, Math.max(0, room)), linkLine].filter(Boolean).join("\n\n");
  return { title, description: clipText(description, incidentLimits.descriptionMax) };
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
