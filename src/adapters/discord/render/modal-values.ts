import type { FormSubmission } from "../../../kernel/views/form-submission.js";
import { decodeCustomId } from "./ids.js";

/**
 * One submitted modal component, as Discord sends it (`custom_id`) or as discord.js hands it to a
 * listener (`customId`): both shapes are read, so gateway and HTTP-interaction listeners share this.
 */
export interface SubmittedComponent {
  readonly type: number;
  readonly custom_id?: string;
  readonly customId?: string;
  readonly value?: string | boolean | null;
  readonly values?: readonly string[];
  /** A Label's input. */
  readonly component?: SubmittedComponent;
  /** A (deprecated) action row's text inputs. */
  readonly components?: readonly SubmittedComponent[];
}

function submittedValue(component: SubmittedComponent): string {
  if (typeof component.value === "boolean") return component.value ? "true" : "false";
  if (typeof component.value === "string") return component.value;
  // Selects, user pickers and checkbox groups submit `values`; OpsDesk's are single-choice.
  return (component.values ?? []).join(",");
}

function collect(component: SubmittedComponent, into: Record<string, string>): void {
  if (component.component !== undefined) collect(component.component, into);
  for (const child of component.components ?? []) collect(child, into);
  const id = component.custom_id ?? component.customId;
  if (id !== undefined) into[id] = submittedValue(component);
}

/**
 * The submitted value of every input, by custom_id (= the form field id). Blank means "not filled in"
 * (an optional select left empty submits no values): the command's validation treats it as absent.
 * Text displays carry no input and are skipped.
 */
export function readModalValues(components: readonly SubmittedComponent[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const component of components) collect(component, values);
  return values;
}

/** A modal submission as the core's FormSubmission, or undefined when the modal was not OpsDesk's. */
export function modalToFormSubmission(submission: {
  readonly customId: string;
  readonly components: readonly SubmittedComponent[];
}): FormSubmission | undefined {
  const decoded = decodeCustomId(submission.customId);
  if (decoded?.kind !== "form") return undefined;
  return { formId: decoded.formId, hidden: decoded.hidden, values: readModalValues(submission.components) };
}
