// What a change scenario needs from a chat platform, in neutral terms. Each platform implements it once
// (slack-driver.ts, discord-driver.ts); the scenarios never branch on the platform.
import type { RunningOpsDesk } from "../../../src/app/start.js";
import type { people } from "../../support/desk-config.js";

export type PersonKey = keyof typeof people;

/** The two messages a change has in its channel. */
export type ChangeMessage = "card" | "approval";

export interface ChangeDriver {
  readonly platform: "slack" | "discord" | "console";
  readonly opsdesk: RunningOpsDesk;
  /** `/change <subcommand> …` typed by `as`; resolves with the private answer. */
  command(subcommand: string, args: Readonly<Record<string, string>>, as: PersonKey): Promise<string>;
  /** The bare `/change` (or `/change new`): resolves with the id of the form it opened. */
  openCreateForm(as: PersonKey): Promise<string>;
  /** Presses a button on the change's card or approval prompt: the private answer, or `form:<id>` when it opened a form. */
  click(ref: string, action: string, as: PersonKey, on: ChangeMessage): Promise<string>;
  /** Submits the form last opened for `as` with these field values; resolves with the private answer. */
  submitForm(formId: string, values: Readonly<Record<string, string>>, as: PersonKey): Promise<string>;
  /** Everything the message shows (title, fields, buttons), as text; undefined when it was never posted. */
  message(ref: string, on: ChangeMessage): string | undefined;
  /** Every message posted in the desk's approvals channel, oldest first, as text (mentions included). */
  approvalsChannel(): string[];
  /** The form `mention` of a person as the platform writes it in a message. */
  mention(person: PersonKey): string;
  /** Private messages the bot sent the person outside any interaction, oldest first. */
  directMessages(to: PersonKey): string[];
  /**
   * The live markup (pings, labelled links; as raw markup) of each text post in the approvals channel whose
   * text includes `containing`, or of each direct message to a person: empty lists when the posts are only
   * words and the mentions OpsDesk made.
   */
  liveMarkup(where: { channel: "approvals" } | { dm: PersonKey }, containing: string): string[][];
  /** Lets the listeners finish and the outbox deliver. */
  settle(): Promise<void>;
}
