import type { Db } from "../db/client.js";
import type { Clock } from "../kernel/clock.js";
import type { AnyArgSpec } from "../kernel/commands/argument.js";
import type { CommandRegistry } from "../kernel/commands/command-spec.js";
import type { CompletionValue } from "../kernel/commands/complete-line.js";
import { findCommand, findSubcommand } from "../kernel/commands/find-command.js";
import { resolveActor } from "../kernel/people/resolve-actor.js";
import type { ActionSpec, MessageActionSpec, Practice } from "../kernel/practice.js";
import { activeServices } from "../kernel/services.js";
import type { Reply } from "../kernel/views/reply.js";
import type { Logger } from "../log.js";
import { claimRequest } from "./claim-request.js";
import { errorReply } from "./error-reply.js";
import type { DeskRequest, Interaction } from "./interaction.js";
import { planFor } from "./plan.js";
import { type PracticeRoutes, routesFor } from "./route.js";
import type { WorkLimiter } from "./work-limiter.js";

/** A suggestion for an argument being typed, with the one line a platform shows for it. */
export interface Suggestion extends CompletionValue {
  /** `INC-7 Checkout times out`, `Payments (payments)`. */
  readonly line: string;
}

/**
 * The one interaction pipeline every adapter calls: claim the request (a redelivery acts once), resolve the
 * person, queue the work (unless its answer is a form, which must open within the platform's 3 s), route
 * it to the practice that owns it, and turn any failure into a private explanation (principle 8).
 */
export interface Desk {
  /** Every command of every practice: help, manifests and Discord's command list come from it. */
  readonly registry: CommandRegistry;
  readonly messageActions: readonly MessageActionSpec[];
  /** Whether the interaction's answer is a form; pure and quick, for platforms that must decide first. */
  opensForm(interaction: Interaction): boolean;
  /** The reply to show, or undefined when the request was a repeat of one already handled. */
  handle(request: DeskRequest): Promise<Reply | undefined>;
  /** A form's values checked against the grammar alone, before any acknowledgement (Slack's field errors). */
  check(interaction: Interaction): Reply | undefined;
  /** How a button looks and behaves (label, confirm question), or undefined for an unknown id. */
  action(actionId: string): ActionSpec | undefined;
  /** Values for an argument being typed: services, or open tickets of the kind the argument names. */
  suggest(arg: AnyArgSpec, typed: string): Promise<Suggestion[]>;
  /** Discord's autocomplete: the argument by command, subcommand and option name. */
  suggestOption(input: {
    command: string;
    subcommand?: string | undefined;
    option: string;
    typed: string;
  }): Promise<Suggestion[]>;
}

/** Discord shows at most 25 choices; no chat client shows more at once. */
const maxSuggestions = 25;

export interface DeskOptions {
  practices: readonly Practice[];
  db: Db;
  clock: Clock;
  log: Logger;
  work: WorkLimiter;
}

export function createDesk(options: DeskOptions): Desk {
  const { db, clock, log, work } = options;
  const routes: PracticeRoutes = routesFor(options.practices);

  const suggest = async (arg: AnyArgSpec, typed: string): Promise<Suggestion[]> => {
    const lower = typed.trim().toLowerCase();
    if (arg.kind === "service") {
      const services = await activeServices(db);
      return services
        .filter((s) => s.id.toLowerCase().startsWith(lower) || s.name.toLowerCase().includes(lower))
        .slice(0, maxSuggestions)
        .map((s) => ({ value: s.id, label: s.name, line: `${s.name} (${s.id})` }));
    }
    const owner = arg.ticketPrefix === undefined ? undefined : routes.byTicketPrefix(arg.ticketPrefix);
    const kind = owner?.tickets?.find((ticket) => ticket.prefix === arg.ticketPrefix);
    if (!kind) return [];
    const tickets = await kind.suggest(typed.trim());
    return tickets.slice(0, maxSuggestions).map((t) => ({ ...t, line: `${t.value} ${t.label}` }));
  };

  return {
    registry: routes.registry,
    messageActions: routes.messageActions,
    opensForm: (interaction) => safePlan(routes, interaction).opensForm,
    action: (actionId) => routes.action(actionId),
    check(interaction) {
      try {
        planFor(routes, interaction);
        return undefined;
      } catch (error) {
        return errorReply(error, log, { asFieldErrors: interaction.kind === "form" });
      }
    },
    async handle(request) {
      const { interaction, platform } = request;
      const plan = safePlan(routes, interaction);
      const act = async (): Promise<Reply | undefined> => {
        if (request.claimKey && !(await claimRequest(db, platform, request.claimKey, clock.now())))
          return undefined;
        const { id, name } = request.user;
        const actor = await resolveActor(db, { platform, externalId: id, displayName: name || id });
        return plan.run({ platform, actor });
      };
      try {
        // A form must open while the platform's trigger is fresh (3 s): it does not wait behind others.
        return await (plan.opensForm ? act() : work(act));
      } catch (error) {
        return errorReply(error, log, { asFieldErrors: interaction.kind === "form" });
      }
    },
    suggest,
    async suggestOption({ command, subcommand, option, typed }) {
      const spec = findCommand(routes.registry, command);
      const sub = findSubcommand(spec, subcommand ?? spec.defaultSubcommand ?? "");
      const arg = sub?.args[option];
      return arg ? suggest(arg, typed) : [];
    },
  };
}

/** A grammar mistake found while planning is answered when the work runs, after the claim. */
function safePlan(routes: PracticeRoutes, interaction: Interaction) {
  try {
    return planFor(routes, interaction);
  } catch (error) {
    return { opensForm: false, run: () => Promise.reject(error) };
  }
}
