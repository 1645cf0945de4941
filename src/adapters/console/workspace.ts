import type { OpsdeskConfig } from "../../config/types.js";
import type { Role } from "../../kernel/people/actor.js";
import type { ConsoleMessageStore } from "./messages/store.js";

export interface ConsolePerson {
  id: string;
  name: string;
  roles: Role[];
}

export interface ConsoleChannel {
  id: string;
  /** What the config uses it for, e.g. "Incidents" or "Payments API incidents". */
  purpose: string;
}

/** The people to switch between: everyone in the config, with the roles their groups give them. */
export function consolePeople(config: OpsdeskConfig): ConsolePerson[] {
  return config.people.map((person) => ({
    id: person.id,
    name: person.name,
    roles: [
      ...new Set(
        config.groups.filter((g) => g.members.some((m) => m.personId === person.id)).flatMap((g) => g.roles),
      ),
    ],
  }));
}

const purposeNames = { incidents: "Incidents", approvals: "Approvals", slaAlerts: "SLA alerts" } as const;

/** A person's direct messages from OpsDesk (a change's decision, reminders): `@<person id>`. */
export function directChannel(personId: string): string {
  return `@${personId}`;
}

/**
 * The channels in the sidebar: the default channels, each service's own, any other channel that has
 * messages (a major incident's room), and the viewer's own direct messages (nobody else's).
 */
export async function consoleChannels(
  config: OpsdeskConfig,
  store: ConsoleMessageStore,
  viewerId?: string,
): Promise<ConsoleChannel[]> {
  const channels = new Map<string, ConsoleChannel>();
  for (const [purpose, refs] of Object.entries(config.channels)) {
    channels.set(refs.console, {
      id: refs.console,
      purpose: purposeNames[purpose as keyof typeof purposeNames],
    });
  }
  for (const service of config.services) {
    const id = service.channels.console;
    if (id && !channels.has(id)) channels.set(id, { id, purpose: `${service.name} incidents` });
  }
  for (const id of await store.channelIds()) {
    if (id.startsWith("@") || channels.has(id)) continue;
    channels.set(id, { id, purpose: id.startsWith("#inc-") ? "Major incident room" : "" });
  }
  if (viewerId !== undefined) {
    const direct = directChannel(viewerId);
    channels.set(direct, { id: direct, purpose: "Direct messages" });
  }
  return [...channels.values()];
}

/** Person ids the console accepts: config ids, and anyone new (met like a stranger in Slack, without roles). */
export const consolePersonId = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
