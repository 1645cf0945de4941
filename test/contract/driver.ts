// The contract between the incident scenarios and the chat platforms they run on.
//
// A PlatformDriver lets a scenario act and look the way a person in chat does, in words that mean the same
// on every platform: "as Rita, run /incident new with these arguments", "as Ada, click Acknowledge on the
// card of INC-7", "submit the form that opened with these values", "what did Otto get told privately",
// "what does the card of INC-7 in its channel say", "which lines are in its thread". Each driver turns
// those into the requests its platform sends (signed Slack payloads, Discord gateway dispatches, signed
// Discord HTTP interactions) against the local fakes, and reads the platform's records back into the
// neutral shapes below. Scenarios never learn which platform they run on: every difference between
// platforms (free text vs typed options, Slack's confirm dialog vs Discord's confirmation question, field
// errors inside a Slack modal vs named in a Discord reply, channels vs threads for major-incident rooms)
// lives in a driver.
//
// To add a platform (the local console is next), implement this interface over that platform's real
// adapter and its fake or test client, then run `describeIncidentContract` with it from a test file.
// Everything in here is platform-neutral on purpose: no ids, payloads or SDK types cross it.
import type { RunningOpsDesk } from "../../src/app/start.js";

/** The people of the test desk (test/support/desk-config.ts); `stranger` is not in opsdesk.yaml. */
export type Person = "ada" | "otto" | "rita" | "stranger";

/** The desk's channels that incident cards go to: a service's own, or the default incidents channel. */
export type DeskChannel = "incidents" | "payments";

/** An `/incident` invocation: the subcommand and its arguments by name, as a person fills them in. */
export interface Invocation {
  readonly subcommand: string;
  /** Values as typed; invalid ones (an unknown choice, a too-long title) are passed on as they are. */
  readonly args?: Readonly<Record<string, string>>;
}

/** A form (Slack modal, Discord modal) that opened for a person. */
export interface OpenForm {
  /** The form's id, e.g. `incident.new`, `incident.resolve`. */
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

/** An incident's card as posted to its channel, read as anyone in that channel sees it. */
export interface PostedCard {
  readonly channel: DeskChannel;
  /** Stays the same when the card is edited in place. */
  readonly messageId: string;
  readonly title: string;
  /** Field label → value, e.g. `Status` → `In progress`. */
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

export interface PlatformDriver {
  /** For test names: `slack`, `discord gateway`, … */
  readonly name: string;
  /** The OpsDesk under test, for checks on the database (how many incidents, what status). */
  readonly opsdesk: RunningOpsDesk;

  /** Runs `/incident <subcommand> …` as typed (or filled in as options) in the incidents channel. */
  run(as: Person, invocation: Invocation): Promise<Answer>;
  /** Asks for the create form the way the platform offers it (a bare `/incident`, `/incident new`). */
  openCreateForm(as: Person): Promise<Answer>;
  /** "Raise incident" on a message someone wrote in the incidents channel. */
  raiseFromMessage(as: Person, messageText: string): Promise<Answer>;
  /**
   * Clicks the button labelled `label` on the posted card of `ref`, confirming when the platform asks
   * first. Fails when the card has no such button.
   */
  click(as: Person, ref: string, label: string): Promise<Answer>;
  /** Submits a form that opened for `as`, with values by field id; fields left out stay empty. */
  submit(as: Person, form: OpenForm, values: Readonly<Record<string, string>>): Promise<Answer>;
  /**
   * Delivers the last request `as` made once more, byte for byte, the way the platform redelivers
   * (Slack's retry, a replayed gateway event, a repeated HTTP interaction). Resolves once OpsDesk took it.
   */
  redeliverLast(as: Person): Promise<void>;

  /** Every private answer `as` got so far, oldest first (texts as in `Answer.text`). */
  privateReplies(as: Person): Promise<string[]>;
  /** The card of `ref` as posted; fails when there is none. */
  card(ref: string): Promise<PostedCard>;
  /** How many cards of `ref` were posted in the desk's channels (one, if all is well). */
  cardsPosted(ref: string): Promise<number>;
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
