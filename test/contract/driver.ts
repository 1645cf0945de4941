// The contract between every practice's scenarios (incidents, changes, and the practices to come) and the
// chat platforms they run on.
//
// A ChatDriver lets a scenario act and look the way a person in chat does, in words that mean the same on
// every platform and for every practice: "as Rita, run /incident new with these arguments", "as Otto, click
// Approve on the approval prompt of CHG-3", "as Ada, click Acknowledge on the card of INC-7", "submit the
// form that opened with these values", "what did Otto get told privately", "what does the card of INC-7
// say", "which lines are in its thread", "what is in the approvals channel", "which direct messages did Ada
// get". Each driver turns those into the requests its platform sends (signed Slack payloads, Discord gateway
// dispatches, signed Discord HTTP interactions, the console's JSON API) against the local fakes, and reads
// the platform's records back into the neutral shapes below. Scenarios never learn which platform they run
// on: every difference between platforms (free text vs typed options, Slack's confirm dialog vs Discord's
// confirmation question, field errors inside a Slack modal vs named in a Discord reply, channels vs threads
// for major-incident rooms) lives in a driver, and nothing in a driver is specific to a practice: commands
// are named, tickets are references (INC-7, CHG-3), buttons are found by their label.
//
// To add a platform, implement this interface over that platform's real adapter and its fake or test
// client, and run every practice's scenarios with it from one test file. To add a practice, write its
// scenarios against this interface and add them to each platform's test file.
// Everything in here is platform-neutral on purpose: no ids, payloads or SDK types cross it.
import type { RunningOpsDesk } from "../../src/app/start.js";

/** The people of the test desk (test/support/desk-config.ts); `stranger` is not in opsdesk.yaml. */
export type Person = "ada" | "otto" | "rita" | "carl" | "cleo" | "stranger";

/** The desk's channels tickets are posted to: a service's own, the default incidents channel, approvals, assets. */
export type DeskChannel = "incidents" | "payments" | "approvals" | "assets";

/** Which of a ticket's posted messages: its card, or (for a change waiting for the CAB) its approval prompt. */
export type PostedKind = "card" | "approval prompt";

/** A command as a person runs it: `/change approve CHG-3`, with its arguments by name. */
export interface Invocation {
  /** A command of the registry, without the slash: `incident`, `change`. */
  readonly command: string;
  readonly subcommand: string;
  /** Values as typed; invalid ones (an unknown choice, a too-long title) are passed on as they are. */
  readonly args?: Readonly<Record<string, string>>;
  /** Where it is typed; the incidents channel unless said. */
  readonly channel?: DeskChannel;
}

/** A form (Slack modal, Discord modal) that opened for a person. */
export interface OpenForm {
  /** The form's id, e.g. `incident.new`, `change.reject`. */
  readonly id: string;
  readonly title: string;
  /** Field ids (command argument names) the form shows, in order. */
  readonly fields: readonly string[];
  /** Values the form opened with, by field id. */
  readonly prefill: Readonly<Record<string, string>>;
}

/** What a person saw privately in answer to what they did. */
export interface Answer {
  /** Everything readable in the answer: message text, or a private card's or list's texts. */
  readonly text: string;
  /** Labels of the buttons in the answer (a card shown with `show`). */
  readonly buttons: readonly string[];
  /**
   * The form that opened instead of (or, for a rejected submission, still open after) a message. A form
   * submission that was rejected field by field answers with the problems in `text`.
   */
  readonly form?: OpenForm;
}

/** A ticket's card (or approval prompt) as posted to its channel, read as anyone in that channel sees it. */
export interface PostedCard {
  readonly channel: DeskChannel;
  /** Stays the same when the card is edited in place. */
  readonly messageId: string;
  readonly title: string;
  /** Field label → value, e.g. `Status` → `In progress`, `Tally` → `Waiting: 0 of 2 approvals`. */
  readonly fields: Readonly<Record<string, string>>;
  readonly buttons: readonly string[];
  /** Everything readable on the card. */
  readonly text: string;
}

/** The dedicated room of a major incident (a Slack channel, a Discord thread). */
export interface MajorRoom {
  readonly name: string;
  /** The desk's people in the room (the bot left out). */
  readonly members: readonly Person[];
  /** The text of the pinned summary, when one is pinned. */
  readonly pinned: string | undefined;
  /** Whether the card's thread has a line pointing at the room. */
  readonly linkedFromCardThread: boolean;
}

/** A picture OpsDesk posted (a report's chart), as the platform keeps it. */
export interface PostedImage {
  readonly filename: string;
  /** What a screen reader says for it (Slack's alt_txt, Discord's attachment description, the img alt). */
  readonly altText: string;
  /** The words of the same message: the chart's numbers. */
  readonly text: string;
  /** The uploaded bytes. */
  readonly png: Buffer;
}

export interface ChatDriver {
  /** For test names: `slack`, `discord gateway`, … */
  readonly name: string;
  /** The platform OpsDesk posts to here, for jobs a scenario runs itself (the change prompts). */
  readonly platform: "slack" | "discord" | "console";
  /** The OpsDesk under test, for checks on the database (how many tickets, what status). */
  readonly opsdesk: RunningOpsDesk;

  /** Runs `/<command> <subcommand> …` as typed (or filled in as options). */
  run(as: Person, invocation: Invocation): Promise<Answer>;
  /** Asks for a command's create form the way the platform offers it (a bare `/change`, `/change new`). */
  openCreateForm(as: Person, command: string): Promise<Answer>;
  /** "Raise incident" on a message someone wrote in the incidents channel. */
  raiseFromMessage(as: Person, messageText: string): Promise<Answer>;
  /**
   * Clicks the button labelled `label` on the posted card (or approval prompt) of `ref`, confirming when
   * the platform asks first. Fails when there is no such message or button.
   */
  click(as: Person, ref: string, label: string, on?: PostedKind): Promise<Answer>;
  /**
   * Clicks the button labelled `label` on the latest direct message the bot sent `as` whose text includes
   * `containing` (an owner's Confirm / Reject, an asset's Accept / Decline). Fails when there is none.
   */
  clickInDirectMessage(as: Person, containing: string, label: string): Promise<Answer>;
  /** Submits a form that opened for `as`, with values by field id; fields left out stay empty. */
  submit(as: Person, form: OpenForm, values: Readonly<Record<string, string>>): Promise<Answer>;
  /**
   * Delivers the last request `as` made once more, byte for byte, the way the platform redelivers
   * (Slack's retry, a replayed gateway event, a repeated HTTP interaction). Resolves once OpsDesk took it.
   */
  redeliverLast(as: Person): Promise<void>;

  /** Every private answer `as` got so far, oldest first (texts as in `Answer.text`). */
  privateReplies(as: Person): Promise<string[]>;
  /** Messages the bot sent `to` directly, outside any interaction, oldest first. */
  directMessages(to: Person): Promise<string[]>;
  /** Every message in one of the desk's channels, oldest first, as text (mentions as the platform writes them). */
  channelMessages(channel: DeskChannel): Promise<string[]>;
  /** How the platform writes a mention of `person` in a message. */
  mention(person: Person): string;
  /**
   * The live markup (pings, labelled links; as raw markup) of each text post in a desk channel whose text
   * includes `containing`, or of each direct message to a person that does: empty lists when the posts are
   * only words and the mentions OpsDesk made.
   */
  liveMarkup(where: { channel: DeskChannel } | { dm: Person }, containing: string): Promise<string[][]>;
  /** Pictures OpsDesk posted in a desk channel, or sent to a person directly, oldest first. */
  images(where: { channel: DeskChannel } | { dm: Person }): Promise<PostedImage[]>;
  /** The card (or approval prompt) of `ref` as posted; fails when there is none. */
  card(ref: string, which?: PostedKind): Promise<PostedCard>;
  /** How many cards (or approval prompts) of `ref` were posted in the desk's channels (one, if all is well). */
  cardsPosted(ref: string, which?: PostedKind): Promise<number>;
  /** The lines in the card's thread, oldest first. */
  threadLines(ref: string): Promise<string[]>;
  /**
   * What the platform makes live in the card's thread besides OpsDesk's link to a major incident's room:
   * every mention or broadcast that would notify someone, and every link shown under a label, as the raw
   * markup. Empty when the thread is only words.
   */
  threadLiveMarkup(ref: string): Promise<string[]>;
  /** The major-incident room of `ref`, when one was opened. */
  majorRoom(ref: string): Promise<MajorRoom | undefined>;

  /** Lets work after the acknowledgement finish and delivers every chat post that is due. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** The title a posted message of `ref` starts with. */
export function titlePrefix(ref: string, which: PostedKind): string {
  return which === "card" ? `${ref} · ` : `Approval needed · ${ref} · `;
}
