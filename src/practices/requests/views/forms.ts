import type { CatalogItem, RequestField } from "../../../config/request-settings.js";
import type { Form, FormField } from "../../../kernel/views/form.js";
import { requestLimits } from "../model.js";

/** A catalog field as a form field; types the platforms' forms lack are typed text with a hint. */
function formField(field: RequestField, typed: string | undefined): FormField {
  const base = {
    id: field.id,
    label: field.label,
    required: field.required,
    ...(field.help ? { hint: field.help } : {}),
  };
  const initial = typed ?? field.default;
  const text = (placeholder?: string, multiline = false): FormField => ({
    ...base,
    type: multiline ? "textarea" : "text",
    maxLength: field.maxLength,
    ...(initial !== undefined ? { initial } : {}),
    ...(placeholder ? { placeholder } : {}),
  });
  switch (field.type) {
    case "text":
      return text(field.patternHelp);
    case "longtext":
      return text(undefined, true);
    case "choice":
      return {
        ...base,
        type: "select",
        options: field.options.map((o) => ({ value: o.value, label: o.label })),
        ...(initial !== undefined ? { initial } : {}),
      };
    case "multichoice":
      return text(`One or more of ${field.options.map((o) => o.value).join(", ")}, separated by commas`);
    case "person":
      return { ...base, type: "person", ...(initial !== undefined ? { initial } : {}) };
    case "date":
      return text("YYYY-MM-DD, e.g. 2026-12-24");
    case "number":
      return text(
        field.min !== undefined && field.max !== undefined
          ? `A number from ${field.min} to ${field.max}`
          : "A number",
      );
    case "yesno":
      // Unticked means "no": a yes/no question is always answered.
      return { ...base, type: "checkbox", required: false, initial: initial === "yes" };
  }
}

export interface FormPage {
  /** Index of the page's first field in the item, and one past its last. */
  readonly start: number;
  readonly end: number;
  readonly fields: readonly RequestField[];
}

/** The fields of each form an item needs on a platform whose forms hold `capacity` fields. */
export function formPages(item: CatalogItem, capacity: number): FormPage[] {
  const pages: FormPage[] = [];
  for (let i = 0; i < item.fields.length; i += capacity) {
    const end = Math.min(i + capacity, item.fields.length);
    pages.push({ start: i, end, fields: item.fields.slice(i, end) });
  }
  return pages.length === 0 ? [{ start: 0, end: 0, fields: [] }] : pages;
}

/** The fields a submitted form showed, from its hidden `range` ("0-5"). */
export function fieldsInRange(
  item: CatalogItem,
  range: string | undefined,
): readonly RequestField[] | undefined {
  const match = /^(\d{1,3})-(\d{1,3})$/.exec(range ?? "");
  if (!match) return undefined;
  return item.fields.slice(Number(match[1]), Number(match[2]));
}

/** Form `page` (1-based) of an item; `draft` names what earlier forms saved. */
export function itemForm(
  item: CatalogItem,
  options: {
    page: number;
    pages: number;
    form: FormPage;
    draft?: number;
    typed?: Readonly<Record<string, string>>;
  },
): Form {
  const { page, pages } = options;
  const last = page === pages;
  return {
    type: "form",
    id: "request.new",
    title: pages > 1 ? `${item.name} (${page} of ${pages})` : item.name,
    ...(item.description ? { intro: item.description } : {}),
    submitLabel: last ? "Request" : "Next",
    fields: options.form.fields.map((field) => formField(field, options.typed?.[field.id])),
    // The range tells the submission which fields this form showed, before anything is read.
    hidden: {
      item: item.id,
      range: `${options.form.start}-${options.form.end}`,
      ...(options.draft !== undefined ? { draft: String(options.draft) } : {}),
    },
  };
}

const reasonForms = {
  reject: {
    title: "Reject",
    field: "reason",
    label: "Why is it rejected?",
    required: true,
    submit: "Reject",
  },
  ask: {
    title: "Ask for more info",
    field: "question",
    label: "Your question",
    required: true,
    submit: "Ask",
  },
  answer: { title: "Answer", field: "answer", label: "Your answer", required: true, submit: "Send" },
  cancel: {
    title: "Cancel request",
    field: "reason",
    label: "Why (optional)",
    required: false,
    submit: "Cancel request",
  },
  reopen: {
    title: "Reopen",
    field: "reason",
    label: "What is still missing?",
    required: true,
    submit: "Reopen",
  },
  done: {
    title: "Task done",
    field: "note",
    label: "What was done (optional)",
    required: false,
    submit: "Done",
  },
  blocked: {
    title: "Task blocked",
    field: "reason",
    label: "What blocks it?",
    required: true,
    submit: "Blocked",
  },
} as const;
export type ReasonFormAction = keyof typeof reasonForms;

/** The one-question form behind Reject, Ask, Answer, Cancel, Reopen, Done and Blocked. */
export function reasonForm(action: ReasonFormAction, target: string, intro: string): Form {
  const spec = reasonForms[action];
  const onTask = action === "done" || action === "blocked";
  return {
    type: "form",
    id: `request.${action}`,
    title: `${spec.title} ${target}`,
    intro,
    submitLabel: spec.submit,
    fields: [
      {
        id: spec.field,
        label: spec.label,
        required: spec.required,
        type: "textarea",
        maxLength:
          action === "done"
            ? requestLimits.noteMax
            : action === "ask" || action === "answer"
              ? requestLimits.questionMax
              : requestLimits.reasonMax,
      },
    ],
    hidden: onTask ? { task: target } : { ref: target },
  };
}
