import type { ServiceName } from "../../../kernel/services.js";
import type { Form } from "../../../kernel/views/form.js";
import { type FieldPresentation, fieldForArgument } from "../../../kernel/views/form-fields.js";
import { problemCommand } from "../command.js";
import type { ProblemSnapshot } from "../model.js";

type Subcommand = keyof typeof problemCommand.subcommands;

/**
 * The forms behind card buttons that need input. Each acts on one problem, carried as the hidden `ref`,
 * and its fields are the remaining arguments of the matching `/problem` subcommand.
 */
function problemForm(
  problem: ProblemSnapshot,
  subcommand: Subcommand,
  copy: { readonly title: string; readonly submitLabel: string },
  fields: Readonly<Record<string, FieldPresentation>>,
): Form {
  return {
    type: "form",
    id: `problem.${subcommand}`,
    title: copy.title,
    intro: `${problem.ref} · ${problem.title}`,
    submitLabel: copy.submitLabel,
    fields: Object.entries(fields).map(([argument, presentation]) =>
      fieldForArgument(problemCommand, subcommand, argument, presentation),
    ),
    hidden: { ref: problem.ref },
  };
}

export const noteForm = (problem: ProblemSnapshot) =>
  problemForm(
    problem,
    "note",
    { title: "Add a note", submitLabel: "Add note" },
    { text: { label: "Note", multiline: true } },
  );

export const causeForm = (problem: ProblemSnapshot) =>
  problemForm(
    problem,
    "cause",
    { title: "Record root cause", submitLabel: "Record" },
    {
      cause: {
        label: "Root cause",
        multiline: true,
        ...(problem.rootCause ? { initial: problem.rootCause } : {}),
      },
      category: {
        label: "Cause category",
        ...(problem.causeCategory ? { initial: problem.causeCategory } : {}),
      },
    },
  );

export const workaroundForm = (problem: ProblemSnapshot) =>
  problemForm(
    problem,
    "workaround",
    { title: "Record workaround", submitLabel: "Record" },
    {
      text: {
        label: "Workaround",
        multiline: true,
        ...(problem.workaround ? { initial: problem.workaround } : {}),
      },
    },
  );

export const resolveForm = (problem: ProblemSnapshot) =>
  problemForm(
    problem,
    "resolve",
    { title: "Resolve problem", submitLabel: "Resolve" },
    { note: { label: "What fixed it", multiline: true } },
  );

export const cancelForm = (problem: ProblemSnapshot) =>
  problemForm(
    problem,
    "cancel",
    { title: "Cancel problem", submitLabel: "Cancel problem" },
    { reason: { label: "Why cancel it?", multiline: true } },
  );

/**
 * `/problem` alone: the raise form, with the active services to choose from. Five fields, the most a Discord
 * modal holds, so every platform shows the same form; the symptom and description are given in text
 * (`/problem <title> symptom:"…"`).
 */
export function problemCreateForm(services: readonly ServiceName[]): Form {
  const field = (argument: string, presentation: FieldPresentation) =>
    fieldForArgument(problemCommand, "new", argument, presentation);
  return {
    type: "form",
    id: "problem.new",
    title: "Raise a problem",
    submitLabel: "Raise problem",
    fields: [
      field("title", { label: "Title", placeholder: "Payment timeouts every night" }),
      ...(services.length === 0
        ? []
        : [
            field("service", {
              label: "Service",
              options: services.map((s) => ({ value: s.id, label: s.name })),
            }),
          ]),
      field("incidents", { label: "Incidents", placeholder: "INC-3, INC-5" }),
      field("impact", { label: "Impact" }),
      field("urgency", { label: "Urgency" }),
    ],
    hidden: {},
  };
}
