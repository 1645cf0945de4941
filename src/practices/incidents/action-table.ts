import type { ActionStyle } from "../../kernel/views/card.js";
import type { Form } from "../../kernel/views/form.js";
import type { IncidentCommand } from "./command.js";
import type { IncidentActionInput } from "./inputs.js";
import type { IncidentAction, IncidentSnapshot } from "./model.js";
import {
  assignForm,
  cancelForm,
  holdForm,
  noteForm,
  priorityForm,
  reopenForm,
  resolveForm,
} from "./views/action-forms.js";

type ActionSubcommand = Exclude<IncidentCommand["subcommand"], "help" | "new" | "list" | "show">;
type ArgsOf<S extends ActionSubcommand> = Extract<IncidentCommand, { subcommand: S }>["args"];

/** Finds (or meets) the person behind a chat mention, for actions that name someone. */
export type PersonLookup = (platformId: string) => Promise<string>;

/**
 * One incident action, everything about it in one place: how its button looks, the `/incident` subcommand
 * that is its text form, the form it opens for input, the question it asks first, what the person is told
 * when it is done, and how its arguments become the validated input of the incident service.
 */
export interface IncidentActionEntry<S extends ActionSubcommand = ActionSubcommand> {
  readonly label: string;
  readonly style: ActionStyle;
  readonly subcommand: S;
  readonly confirm?: string;
  /** Set when the action needs input first; the form carries the ticket as its hidden `ref`. */
  readonly form?: (incident: IncidentSnapshot) => Form;
  done(ref: string): string;
  input(args: ArgsOf<S>, people: PersonLookup): IncidentActionInput | Promise<IncidentActionInput>;
}

/** Any entry of the table, each with the arguments of its own subcommand. */
export type AnyIncidentActionEntry = { [S in ActionSubcommand]: IncidentActionEntry<S> }[ActionSubcommand];

const entry = <S extends ActionSubcommand>(spec: IncidentActionEntry<S>): IncidentActionEntry<S> => spec;

/** The incident action table (ITIL incident lifecycle; README "Incidents"). */
export const incidentActionTable = {
  acknowledge: entry({
    label: "Acknowledge",
    style: "primary",
    subcommand: "ack",
    done: (ref) => `You acknowledged ${ref}.`,
    input: () => ({ type: "acknowledge" }),
  }),
  assign_to_me: entry({
    label: "Assign to me",
    style: "default",
    subcommand: "assign",
    done: (ref) => `${ref} is assigned.`,
    input: () => ({ type: "assign_to_me" }),
  }),
  assign: entry({
    label: "Assign to…",
    style: "default",
    subcommand: "assign",
    form: assignForm,
    done: (ref) => `${ref} is assigned.`,
    // A mention names a chat account; the core assigns people, so find (or meet) the person behind it.
    input: async (args, people) =>
      args.to ? { type: "assign", assigneeId: await people(args.to.platformId) } : { type: "assign_to_me" },
  }),
  add_note: entry({
    label: "Add note",
    style: "default",
    subcommand: "note",
    form: noteForm,
    done: (ref) => `Your note is on ${ref}.`,
    input: (args) => ({
      type: "add_note",
      body: args.text,
      visibility: args.internal ? "internal" : "public",
    }),
  }),
  change_priority: entry({
    label: "Change priority",
    style: "default",
    subcommand: "priority",
    form: priorityForm,
    done: (ref) => `${ref}'s priority changed.`,
    // What is not given stays as it is: read inside the write's transaction, never from an earlier read.
    input: (args) => ({
      type: "change_priority",
      ...(args.impact ? { impact: args.impact } : {}),
      ...(args.urgency ? { urgency: args.urgency } : {}),
      reason: args.reason,
    }),
  }),
  hold: entry({
    label: "Put on hold",
    style: "default",
    subcommand: "hold",
    form: holdForm,
    done: (ref) => `${ref} is on hold.`,
    input: (args) => ({ type: "hold", reason: args.reason, ...(args.note ? { note: args.note } : {}) }),
  }),
  resume: entry({
    label: "Resume",
    style: "primary",
    subcommand: "resume",
    done: (ref) => `${ref} is back in progress.`,
    input: () => ({ type: "resume" }),
  }),
  resolve: entry({
    label: "Resolve",
    style: "primary",
    subcommand: "resolve",
    form: resolveForm,
    done: (ref) => `${ref} is resolved.`,
    input: (args) => ({ type: "resolve", code: args.code, note: args.note }),
  }),
  reopen: entry({
    label: "Reopen",
    style: "default",
    subcommand: "reopen",
    form: reopenForm,
    done: (ref) => `${ref} is reopened.`,
    input: (args) => ({ type: "reopen", reason: args.reason }),
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
  resolve_fixed_by_problem: entry({
    label: "Resolve as fixed by its problem",
    style: "primary",
    subcommand: "resolve",
    done: (ref) => `${ref} is resolved.`,
    // The note names the problem: button.ts reads it from the incident's links when pressed.
    input: () => ({ type: "resolve", code: "fixed", note: "Fixed by its problem." }),
  }),
  declare_major: entry({
    label: "Declare major",
    style: "danger",
    subcommand: "major",
    confirm: "Declare a major incident? The major incident process starts and more people are alerted.",
    done: (ref) => `${ref} is now a major incident.`,
    input: () => ({ type: "declare_major" }),
  }),
} satisfies Record<IncidentAction, AnyIncidentActionEntry>;

/** The entry a typed subcommand runs: `/incident assign` is the form's action (it also assigns to me). */
export function actionForSubcommand(subcommand: ActionSubcommand): IncidentAction {
  const owners = Object.entries(incidentActionTable).filter(([, e]) => e.subcommand === subcommand);
  const [action] = owners.find(([, e]) => "form" in e) ?? owners[0] ?? [];
  if (action === undefined) throw new Error(`no incident action runs /incident ${subcommand}`);
  return action as IncidentAction;
}

export type { ActionSubcommand };
