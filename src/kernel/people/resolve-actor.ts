import type { Db, Tx } from "../../db/client.js";
import type { Actor, Platform, Role } from "./actor.js";
import { roles as knownRoles } from "./actor.js";

export interface IdentityClaim {
  platform: Platform;
  /** The platform's own user id (Slack U…, Discord snowflake, console person id). */
  externalId: string;
  /** What the platform calls the person; used when OpsDesk meets them for the first time. */
  displayName: string;
}

/** The person id OpsDesk gives someone first met in chat and not declared in opsdesk.yaml. */
export function personIdFor(platform: Platform, externalId: string): string {
  return `${platform}:${externalId}`;
}

/**
 * Who is behind a chat identity changes only when the configuration is synced, yet finding out takes five
 * queries on every request. Resolved actors are therefore remembered per database for a short while; a
 * config sync forgets them at once, and the time bound covers another replica syncing a new config.
 */
const ACTOR_MEMORY_MS = 30_000;
const remembered = new WeakMap<object, Map<string, { actor: Actor; until: number }>>();

/** Forgets every remembered actor of this database; called when the configuration is synced. */
export function forgetResolvedActors(db: Db): void {
  remembered.delete(db);
}

/**
 * Finds the person behind a chat identity, creating a person without roles on first contact: anyone in
 * the workspace may report an incident; rights come only from groups in the config.
 */
export async function resolveActor(db: Db, claim: IdentityClaim): Promise<Actor> {
  const key = `${claim.platform}:${claim.externalId}`;
  const known = remembered.get(db)?.get(key);
  if (known && known.until > performance.now()) return known.actor;
  const actor = await findOrCreateActor(db, claim);
  let memory = remembered.get(db);
  if (!memory) {
    memory = new Map();
    remembered.set(db, memory);
  }
  memory.set(key, { actor, until: performance.now() + ACTOR_MEMORY_MS });
  return actor;
}

async function findOrCreateActor(db: Db, claim: IdentityClaim): Promise<Actor> {
  const existing = await findIdentity(db, claim);
  if (existing) return existing;
  try {
    await db.$transaction(async (tx) => {
      const id = personIdFor(claim.platform, claim.externalId);
      await tx.person.upsert({
        where: { id },
        create: { id, displayName: claim.displayName || claim.externalId },
        update: {},
      });
      await tx.identity.create({
        data: { platform: claim.platform, externalId: claim.externalId, personId: id },
      });
    });
  } catch (error) {
    // Two first requests from the same new person raced; the other one created the identity.
    const raced = await findIdentity(db, claim);
    if (raced) return raced;
    throw error;
  }
  const created = await findIdentity(db, claim);
  if (!created) throw new Error(`identity ${claim.platform}:${claim.externalId} vanished after creation`);
  return created;
}

async function findIdentity(db: Db | Tx, claim: IdentityClaim): Promise<Actor | null> {
  const identity = await db.identity.findUnique({
    where: { platform_externalId: { platform: claim.platform, externalId: claim.externalId } },
    select: { personId: true },
  });
  return identity ? actorForPerson(db, identity.personId) : null;
}

/** The actor for a person id, with the roles of every group they belong to. */
export async function actorForPerson(db: Db | Tx, personId: string): Promise<Actor | null> {
  const person = await db.person.findUnique({
    where: { id: personId },
    include: { memberships: { include: { group: { include: { roles: true } } } } },
  });
  if (!person) return null;
  const roles = new Set<Role>();
  for (const membership of person.memberships) {
    for (const { role } of membership.group.roles) {
      if ((knownRoles as readonly string[]).includes(role)) roles.add(role as Role);
    }
  }
  return { person: { id: person.id, displayName: person.displayName }, roles };
}
