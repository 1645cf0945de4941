import type { CommandRegistry } from "../kernel/commands/command-spec.js";
import { defineRegistry } from "../kernel/commands/command-spec.js";
import type { ActionSpec, CommandForward, MessageActionSpec, Practice } from "../kernel/practice.js";

/**
 * Which practice owns what: commands by name, buttons and forms by the command name their id starts with
 * (`incident.ack`, `change.reject`), message actions by id. Built once from the list of practices; a name
 * claimed twice stops start-up, since two practices answering one button would be a silent bug.
 */
export interface PracticeRoutes {
  readonly registry: CommandRegistry;
  readonly messageActions: readonly MessageActionSpec[];
  byCommand(name: string): Practice | undefined;
  /** The owner of an action or form id `<command>.<rest>`. */
  byId(id: string): Practice | undefined;
  byMessageAction(id: string): Practice | undefined;
  action(actionId: string): ActionSpec | undefined;
  byTicketPrefix(prefix: string): Practice | undefined;
  /** Where a command's subcommands are forwarded to another practice, if any are (Practice.forwards). */
  forwardsOf(command: string): readonly CommandForward[];
}

export function routesFor(practices: readonly Practice[]): PracticeRoutes {
  const commands = new Map<string, Practice>();
  const messageActions = new Map<string, Practice>();
  const prefixes = new Map<string, Practice>();
  const claim = (map: Map<string, Practice>, key: string, practice: Practice, what: string) => {
    const owner = map.get(key);
    if (owner) throw new Error(`${what} "${key}" is claimed by both ${owner.id} and ${practice.id}`);
    map.set(key, practice);
  };
  for (const practice of practices) {
    for (const command of practice.commands) claim(commands, command.name, practice, "Command");
    for (const action of practice.messageActions ?? [])
      claim(messageActions, action.id, practice, "Message action");
    for (const ticket of practice.tickets ?? []) claim(prefixes, ticket.prefix, practice, "Ticket prefix");
  }
  const registry = defineRegistry(practices.flatMap((practice) => practice.commands));
  const forwards = practices.flatMap((practice) => practice.forwards ?? []);
  for (const forward of forwards) checkForward(registry, forward);
  const byId = (id: string) => commands.get(id.slice(0, Math.max(0, id.indexOf("."))));
  return {
    registry,
    messageActions: practices.flatMap((practice) => practice.messageActions ?? []),
    byCommand: (name) => commands.get(commandName(name)),
    byId,
    byMessageAction: (id) => messageActions.get(id),
    action: (actionId) => byId(actionId)?.action(actionId),
    byTicketPrefix: (prefix) => prefixes.get(prefix),
    forwardsOf: (command) => forwards.filter((forward) => forward.command === commandName(command)),
  };
}

/** `/SLA ` and `sla` name the same command. */
function commandName(typed: string): string {
  return typed.trim().replace(/^\//, "").toLowerCase();
}

/** A forward whose target is missing, or does not take the source's arguments, stops start-up. */
function checkForward(registry: CommandRegistry, forward: CommandForward): void {
  const subcommandOf = (command: string, subcommand: string) =>
    registry.commands.find((spec) => spec.name === command)?.subcommands[subcommand];
  const source = subcommandOf(forward.command, forward.subcommand);
  const target = subcommandOf(forward.to.command, forward.to.subcommand);
  const name = `/${forward.command} ${forward.subcommand} -> /${forward.to.command} ${forward.to.subcommand}`;
  if (!source || !target) throw new Error(`Forward ${name}: no such command in the registry`);
  for (const arg of Object.keys(source.args))
    if (!(arg in target.args)) throw new Error(`Forward ${name}: the target has no argument "${arg}"`);
}
