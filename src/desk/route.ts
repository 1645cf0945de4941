import type { CommandRegistry } from "../kernel/commands/command-spec.js";
import { defineRegistry } from "../kernel/commands/command-spec.js";
import type { ActionSpec, MessageActionSpec, Practice } from "../kernel/practice.js";

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
  const byId = (id: string) => commands.get(id.slice(0, Math.max(0, id.indexOf("."))));
  return {
    registry: defineRegistry(practices.flatMap((practice) => practice.commands)),
    messageActions: practices.flatMap((practice) => practice.messageActions ?? []),
    byCommand: (name) => commands.get(name.trim().replace(/^\//, "").toLowerCase()),
    byId,
    byMessageAction: (id) => messageActions.get(id),
    action: (actionId) => byId(actionId)?.action(actionId),
    byTicketPrefix: (prefix) => prefixes.get(prefix),
  };
}
