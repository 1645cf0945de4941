import type { Form, FormField, SubmittedValue } from "../../../kernel/views/form.js";
import { type Html, html } from "./html.js";

export interface FormRenderOptions {
  /** People to pick from in person fields: the console's identities. */
  people: readonly { id: string; name: string }[];
  /** Problems from the last submission, by field id, shown under the field. */
  errors?: Readonly<Record<string, string>>;
  /** What was submitted last time, so a correction does not mean typing everything again. */
  values?: Readonly<Record<string, SubmittedValue>>;
}

/**
 * A form as a real HTML form for the console's dialog: a label for every field, hints and errors tied to
 * their field with aria-describedby, required fields marked for assistive technology. The hidden values
 * (which ticket) travel in a data attribute and go back unchanged.
 */
export function renderForm(form: Form, options: FormRenderOptions): Html {
  const titleId = "form-title";
  return html`<form class="console-form" data-form-id="${form.id}" data-hidden="${JSON.stringify(form.hidden)}" aria-labelledby="${titleId}" novalidate>
<h2 id="${titleId}">${form.title}</h2>
${form.intro ? html`<p class="form-intro">${form.intro}</p>` : ""}
${form.fields.map((field) => renderField(field, options))}
<div class="form-buttons"><button type="submit" class="style-primary">${form.submitLabel}</button> <button type="button" data-close-dialog>Cancel</button></div>
</form>`;
}

function renderField(field: FormField, options: FormRenderOptions): Html {
  const id = `field-${field.id}`;
  const error = options.errors?.[field.id];
  const described = [field.hint ? `${id}-hint` : "", `${id}-error`].filter(Boolean).join(" ");
  const submitted = options.values?.[field.id];
  const common = html` id="${id}" name="${field.id}"${field.required ? html` required aria-required="true"` : ""}${
    described ? html` aria-describedby="${described}"` : ""
  }${error ? html` aria-invalid="true"` : ""}`;
  const label = html`<label for="${id}">${field.label}${field.required ? "" : html` <span class="optional">(optional)</span>`}</label>`;
  const hint = field.hint ? html`<p class="hint" id="${id}-hint">${field.hint}</p>` : "";
  // Always present, so the page can show a problem from the next submission in place.
  const problem = html`<p class="field-error" id="${id}-error"${error ? "" : " hidden"}>${error ?? ""}</p>`;
  switch (field.type) {
    case "checkbox": {
      const checked = typeof submitted === "boolean" ? submitted : field.initial === true;
      return html`<div class="field checkbox"><input type="checkbox"${common}${checked ? " checked" : ""}> ${label}${hint}${problem}</div>`;
    }
    case "select":
    case "person": {
      const choices =
        field.type === "select"
          ? field.options
          : options.people.map((p) => ({ value: p.id, label: `${p.name} (${p.id})` }));
      const selected = typeof submitted === "string" ? submitted : (field.initial ?? "");
      return html`<div class="field">${label}<select${common}><option value="">${field.placeholder ?? "Choose…"}</option>${choices.map(
        (choice) =>
          html`<option value="${choice.value}"${choice.value === selected ? " selected" : ""}>${choice.label}</option>`,
      )}</select>${hint}${problem}</div>`;
    }
    case "text":
    case "textarea": {
      const value = typeof submitted === "string" ? submitted : (field.initial ?? "");
      const length = field.maxLength ? html` maxlength="${field.maxLength}"` : "";
      const placeholder = field.placeholder ? html` placeholder="${field.placeholder}"` : "";
      const input =
        field.type === "textarea"
          ? html`<textarea rows="4"${common}${length}${placeholder}>${value}</textarea>`
          : html`<input type="text"${common}${length}${placeholder} value="${value}">`;
      return html`<div class="field">${label}${input}${hint}${problem}</div>`;
    }
  }
}
