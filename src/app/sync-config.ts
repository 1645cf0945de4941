import type { OpsdeskConfig } from "../config/types.js";
import { type Db, type Tx, transactionOptions } from "../db/client.js";
import type { DatabaseProvider } from "../db/schema-source.js";
import { forgetResolvedActors } from "../kernel/people/resolve-actor.js";

// Names the config-sync lock among the server's advisory locks.
const CONFIG_SYNC_LOCK = 4_242_424_243;

export interface SyncSummary {
  people: number;
  groups: number;
  services: number;
}

/**
 * Makes the database reflect opsdesk.yaml: people and their chat identities, groups with roles and
 * members, services with channels and dependencies. Idempotent (running it twice changes nothing) and
 * atomic (one transaction). Nothing is deleted that tickets point to: services left out of the file are
 * retired, groups left out lose their roles and members.
 */
export async function syncConfigToDatabase(
  db: Db,
  provider: DatabaseProvider,
  config: OpsdeskConfig,
): Promise<SyncSummary> {
  const summary = await db.$transaction(async (tx) => {
    // Replicas starting together would interleave their deletes and inserts; on PostgreSQL they take turns.
    // (SQLite transactions are already serialised by its single writer.)
    if (provider === "postgresql") await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CONFIG_SYNC_LOCK})`;
    await syncPeople(tx, config);
    await syncGroups(tx, config);
    await syncServices(tx, config);
    return { people: config.people.length, groups: config.groups.length, services: config.services.length };
  }, transactionOptions);
  // Roles may have changed: who someone is in chat must be looked up afresh.
  forgetResolvedActors(db);
  return summary;
}

interface DeclaredPerson {
  id: string;
  name: string;
  timezone?: string;
  slack?: string;
  discord?: string;
}

function declaredPeople(config: OpsdeskConfig): DeclaredPerson[] {
  const byId = new Map<string, DeclaredPerson>();
  for (const person of config.people) byId.set(person.id, { ...person });
  // Group members written as bare platform ids ("slack:U0123ABC") are people too.
  for (const group of config.groups) {
    for (const member of group.members) {
      if (!byId.has(member.personId))
        byId.set(member.personId, { id: member.personId, name: member.name, ...platformIds(member) });
    }
  }
  return [...byId.values()];
}

function platformIds(member: { slack?: string; discord?: string }): { slack?: string; discord?: string } {
  return {
    ...(member.slack ? { slack: member.slack } : {}),
    ...(member.discord ? { discord: member.discord } : {}),
  };
}

async function syncPeople(tx: Tx, config: OpsdeskConfig): Promise<void> {
  for (const person of declaredPeople(config)) {
    await tx.person.upsert({
      where: { id: person.id },
      create: {
        id: person.id,
        displayName: person.name,
        timezone: person.timezone ?? null,
        fromConfig: true,
      },
      update: { displayName: person.name, timezone: person.timezone ?? null, fromConfig: true },
    });
    const identities: { platform: string; externalId: string }[] = [
      { platform: "console", externalId: person.id },
    ];
    if (person.slack) identities.push({ platform: "slack", externalId: person.slack });
    if (person.discord) identities.push({ platform: "discord", externalId: person.discord });
    for (const identity of identities) {
      // An identity first met in chat moves to the declared person; its earlier tickets stay where they were.
      await tx.identity.upsert({
        where: { platform_externalId: identity },
        create: { ...identity, personId: person.id },
        update: { personId: person.id },
      });
    }
  }
}

async function syncGroups(tx: Tx, config: OpsdeskConfig): Promise<void> {
  const declared = new Set(config.groups.map((g) => g.id));
  for (const group of config.groups) {
    await tx.group.upsert({
      where: { id: group.id },
      create: { id: group.id, name: group.name },
      update: { name: group.name },
    });
    await tx.groupRole.deleteMany({ where: { groupId: group.id } });
    await tx.groupMember.deleteMany({ where: { groupId: group.id } });
    for (const role of group.roles) await tx.groupRole.create({ data: { groupId: group.id, role } });
    for (const personId of new Set(group.members.map((m) => m.personId))) {
      await tx.groupMember.create({ data: { groupId: group.id, personId } });
    }
  }
  const removed = await tx.group.findMany({ where: { id: { notIn: [...declared] } }, select: { id: true } });
  const removedIds = removed.map((g) => g.id);
  await tx.groupRole.deleteMany({ where: { groupId: { in: removedIds } } });
  await tx.groupMember.deleteMany({ where: { groupId: { in: removedIds } } });
}

async function syncServices(tx: Tx, config: OpsdeskConfig): Promise<void> {
  for (const service of config.services) {
    const data = {
      name: service.name,
      tier: service.tier,
      ownerGroupId: service.owner ?? null,
      active: true,
    };
    await tx.service.upsert({ where: { id: service.id }, create: { id: service.id, ...data }, update: data });
  }
  // Dependencies and channels reference other services, so they are written once every service exists.
  for (const service of config.services) {
    await tx.serviceChannel.deleteMany({ where: { serviceId: service.id } });
    await tx.serviceDependency.deleteMany({ where: { serviceId: service.id } });
    for (const [platform, channelId] of Object.entries(service.channels)) {
      if (channelId) await tx.serviceChannel.create({ data: { serviceId: service.id, platform, channelId } });
    }
    for (const dependsOnId of service.dependsOn) {
      await tx.serviceDependency.create({ data: { serviceId: service.id, dependsOnId } });
    }
  }
  await tx.service.updateMany({
    where: { id: { notIn: config.services.map((s) => s.id) } },
    data: { active: false },
  });
}
