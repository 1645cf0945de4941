import type { Tx } from "../db/client.js";
import type { CommandSpec } from "./commands/command-spec.js";
import type { Actor, Platform } from "./people/actor.js";
import type { TicketOwner } from "./tickets/directory.js";
import type { TicketEvent } from "./tickets/events.js";
import type { ItemRef } from "./tickets/item-ref.js";
import type { LinkRelation } from "./tickets/links.js";
import type { Reply } from "./views/reply.js";

/**
 * What every ITIL practice (incidents, changes, problems, requests, …) offers the desk, in neutral terms.
 * The desk routes each interaction to the practice that owns it: by command name, by the command name an
 * action id or form id starts with (`incident.ack`, `change.reject`), or by message-action id. A practice
 * is registered in one place, `src/practices/index.ts`; adapters never name one.
 */
export interface Practice {
  /** The practice's folder name, e.g. `incidents`. */
  readonly id: string;
  /** Its slash commands: the registry, help, the Slack manifest and Discord's commands come from these. */
  readonly commands: readonly CommandSpec[];
  /**
   * The kinds of item it owns (`INC`), so a reference typed anywhere is completed by its owner, and other
   * practices can find, link and show its items through the ticket directory.
   */
  readonly tickets?: readonly TicketOwner[];
  /**
   * Subcommands of this practice's commands that another practice answers: `/sla report` is the reports
   * practice's `/report sla`. The old command keeps its grammar and help; one implementation answers.
   */
  readonly forwards?: readonly CommandForward[];
  /** Actions on a chat message (Slack message shortcut, Discord message command, console menu). */
  readonly messageActions?: readonly MessageActionSpec[];
  /**
   * What a command does, decided without I/O: whether its answer is a form (a form must open within the
   * platform's 3 s, so the desk runs it at once instead of queueing it, and Discord shows it as the first
   * response), and the work itself. `call.parse()` applies the registry's grammar and may throw its error.
   */
  planCommand(call: CommandCall): Plan;
  /** A button: `value` names the ticket (never the message text). */
  planAction(actionId: string, value: string): Plan;
  /** An action on a chat message, as the platform handed it: already unescaped, with a link back. */
  planMessageAction?(actionId: string, message: ChatMessage): Plan;
  /** The action table entry behind a button id, or undefined when the id is not (or no longer) known. */
  action(actionId: string): ActionSpec | undefined;
  /** Something happened to an item of any practice, inside that transaction (src/kernel/tickets/events.ts). */
  onTicketEvent?(tx: Tx, event: TicketEvent): Promise<void>;
  /**
   * An item is being raised (an incident, a request): links worth recording on it at once, e.g. a known
   * error that looks like it. Runs in the raising transaction; the links show on its first card.
   */
  advise?(tx: Tx, draft: ItemDraft): Promise<readonly Advice[]>;
}

/**
 * `/<command> <subcommand>` is answered as `/<to.command> <to.subcommand>` with the same arguments, so the
 * target must accept every argument the source declares (checked when the desk starts).
 */
export interface CommandForward {
  readonly command: string;
  readonly subcommand: string;
  readonly to: { readonly command: string; readonly subcommand: string };
}

/** What is known of an item while it is being raised. */
export interface ItemDraft {
  readonly ref: ItemRef;
  readonly title: string;
  readonly description: string;
  readonly serviceId: string | null;
  readonly category: string | null;
}

/** A link one practice suggests for an item another practice is raising. */
export interface Advice {
  readonly to: ItemRef;
  readonly relation: LinkRelation;
}

/** The work one interaction asks for, and whether its answer is a form. */
export interface Plan {
  readonly opensForm: boolean;
  run(request: PracticeRequest): Promise<Reply>;
}

/** One command as it arrived: its name, where from, whether it came with nothing at all, and its parse. */
export interface CommandCall {
  readonly name: string;
  readonly from: CommandSource;
  /** `/incident` alone, or Discord's command with no options: nothing to go on yet. */
  readonly bare: boolean;
  parse(): AnyCommand;
}

/** A typed command from the registry, before narrowing to one practice's union. */
export interface AnyCommand {
  readonly command: string;
  readonly subcommand: string;
  readonly args: Readonly<Record<string, unknown>>;
  /** Options the subcommand does not declare, when it accepts them (SubcommandSpec.acceptsExtraOptions). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** Typed text (`/incident ack INC-7`), typed options (Discord), or a submitted form. */
export type CommandSource = "text" | "options" | "form";

/** Who acts and from where: everything a practice needs to know about the request itself. */
export interface PracticeRequest {
  readonly platform: Platform;
  readonly actor: Actor;
}

/** How a button looks and behaves, as much as an adapter must know before it is pressed. */
export interface ActionSpec {
  readonly label: string;
  /** Asks for input first: the button's answer is a form. */
  readonly opensForm: boolean;
  /** A question to ask before acting (Discord has no confirm dialog on buttons, so it asks privately). */
  readonly confirm?: string;
}

export interface MessageActionSpec {
  /** Stable id: Slack's callback id, the console's action. */
  readonly id: string;
  /** What people see in the message menu (Discord's message command name). */
  readonly label: string;
  /** One line on what it does (Slack's shortcut description). */
  readonly description: string;
}

export interface ChatMessage {
  readonly text: string;
  /** A link back to the message, when the platform has one. */
  readonly link?: string;
  /** Where it was written, for the link's label: `Slack`, `Discord`, `the OpsDesk console`. */
  readonly from: string;
}
