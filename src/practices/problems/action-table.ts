import type { ActionStyle } from "../../kernel/views/card.js";
import type { Form } from "../../kernel/views/form.js";
import type { ProblemCommand } from "./command.js";
import type { ProblemActionInput } from "./inputs.js";
import type { ProblemAction, ProblemSnapshot } from "./model.js";
import { cancelForm, causeForm, noteForm, resolveForm, workaroundForm } from "./views/forms.js";

type ActionSubcommand = Exclude<
  ProblemCommand["subcommand"],
  "help" | "new" | "list" | "show" | "link" | "unlink"
>;
type ArgsOf<S extends ActionSubcommand> = Extract<ProblemCommand, { subcommand: S }>["args"];

/**
 * One problem action, everything about it in one place: its button, the `/problem` subcommand that is its
 * text form, the form it opens for input, what the person is told, and how its arguments become the
 * validated input of the problem service.
 */
export interface ProblemActionEntry<S extends ActionSubcommand = ActionSubcommand> {
  readonly label: string;
  readonly style: ActionStyle;
  readonly subcommand: S;
  /** Not offered as a button (it needs a person picker, or a reference typed in text). */
  readonly textOnly?: true;
  readonly form?: (problem: ProblemSnapshot) => Form;
  done(ref: string): string;
  input(args: ArgsOf<S>): ProblemActionInput;
}

export type AnyProblemActionEntry = { [S in ActionSubcommand]: ProblemActionEntry<S> }[ActionSubcommand];

const entry = <S extends ActionSubcommand>(spec: ProblemActionEntry<S>): ProblemActionEntry<S> => spec;

/** The problem action table (lifecycle.ts says which apply in which state). */
export const problemActionTable = {
  assess: entry({
    label: "Assess",
    style: "primary",
    subcommand: "assess",
    done: (ref) => `${ref} is being assessed.`,
    input: () => ({ type: "assess" }),
  }),
  analyse: entry({
    label: "Start analysis",
    style: "primary",
    subcommand: "analyse",
    done: (ref) => `Root cause analysis of ${ref} has started.`,
    input: () => ({ type: "analyse" }),
  }),
  take: entry({
    label: "Assign to me",
    style: "default",
    subcommand: "assign",
    done: (ref) => `You own ${ref}.`,
    input: () => ({ type: "take" }),
  }),
  assign: entry({
    label: "Assign to…",
    style: "default",
    subcommand: "assign",
    textOnly: true,
    done: (ref) => `${ref} has a new owner.`,
    // The handler resolves `to:` to a person id before building the input.
    input: () => ({ type: "take" }),
  }),
  add_note: entry({
    label: "Add note",
    style: "default",
    subcommand: "note",
    form: noteForm,
    done: (ref) => `Your note is on ${ref}.`,
    input: (args) => ({ type: "add_note", body: args.text }),
  }),
  record_cause: entry({
    label: "Record root cause",
    style: "default",
    subcommand: "cause",
    form: causeForm,
    done: (ref) => `The root cause of ${ref} is recorded.`,
    input: (args) => ({ type: "record_cause", cause: args.cause, category: args.category }),
  }),
  record_workaround: entry({
    label: "Record workaround",
    style: "default",
    subcommand: "workaround",
    form: workaroundForm,
    done: (ref) => `The workaround for ${ref} is recorded.`,
    input: (args) => ({ type: "record_workaround", workaround: args.text }),
  }),
  start_fix: entry({
    label: "Start fix",
    style: "primary",
    subcommand: "fix",
    done: (ref) => `The fix of ${ref} is in progress.`,
    input: () => ({ type: "start_fix" }),
  }),
  resolve: entry({
    label: "Resolve",
    style: "primary",
    subcommand: "resolve",
    form: resolveForm,
    done: (ref) => `${ref} is resolved.`,
    input: (args) => ({ type: "resolve", note: args.note }),
  }),
  close: entry({
    label: "Close",
    style: "default",
    subcommand: "close",
    done: (ref) => `${ref} is closed.`,
    input: () => ({ type: "close" }),
  }),
  cancel: entry({
    label: "Cancel",
    style: "danger",
    subcommand: "cancel",
    form: cancelForm,
    done: (ref) => `${ref} is cancelled.`,
    input: (args) => ({ type: "cancel", reason: args.reason }),
  }),
  publish: entry({
    label: "Publish known error",
    style: "default",
    subcommand: "publish",
    done: (ref) => `${ref} is published as a known error.`,
    input: () => ({ type: "publish" }),
  }),
} satisfies Record<ProblemAction, AnyProblemActionEntry>;

/** The action a typed subcommand runs (`assign` without `to:` takes it; `fix` is handled with its change). */
export function problemActionForSubcommand(subcommand: ActionSubcommand): ProblemAction {
  const found = Object.entries(problemActionTable).find(([, e]) => e.subcommand === subcommand);
  if (!found) throw new Error(`no problem action runs /problem ${subcommand}`);
  return found[0] as ProblemAction;
}

const actionIdPrefix = "problem.";

export function problemActionId(action: ProblemAction): string {
  return `${actionIdPrefix}${action}`;
}

export function problemActionFromId(id: string): ProblemAction | undefined {
  if (!id.startsWith(actionIdPrefix)) return undefined;
  const action = id.slice(actionIdPrefix.length);
  return Object.hasOwn(problemActionTable, action) ? (action as ProblemAction) : undefined;
}

export type { ActionSubcommand };
