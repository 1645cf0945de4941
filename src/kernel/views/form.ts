/**
 * A form: the input an action needs (a Slack modal, a Discord modal, an HTML form). Field ids are the
 * command's argument names, so a submission becomes the same typed command as the text grammar.
 */
interface FieldBase {
  /** The argument this field fills. */
  readonly id: string;
  readonly label: string;
  readonly required: boolean;
  readonly hint?: string;
}

export interface TextField extends FieldBase {
  readonly type: "text" | "textarea";
  readonly maxLength?: number;
  readonly initial?: string;
  readonly placeholder?: string;
}

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

export interface SelectField extends FieldBase {
  readonly type: "select";
  readonly options: readonly SelectOption[];
  readonly initial?: string;
  readonly placeholder?: string;
}

/** Pick a person; the submitted value is their platform id. */
export interface PersonField extends FieldBase {
  readonly type: "person";
  readonly initial?: string;
  readonly placeholder?: string;
}

export interface CheckboxField extends FieldBase {
  readonly type: "checkbox";
  readonly initial?: boolean;
}

export type FormField = TextField | SelectField | PersonField | CheckboxField;

export interface Form {
  readonly type: "form";
  /** `<command>.<subcommand>`, e.g. `incident.resolve`: what the submission runs. */
  readonly id: string;
  readonly title: string;
  /** One line above the fields, e.g. which ticket the form acts on. */
  readonly intro?: string;
  readonly submitLabel: string;
  readonly fields: readonly FormField[];
  /** Values the adapter carries through the form unchanged (Slack private_metadata, Discord custom_id). */
  readonly hidden: Readonly<Record<string, string>>;
}

/** What a platform hands back for one field; blank and null both mean "not filled in". */
export type SubmittedValue = string | boolean | null | undefined;
