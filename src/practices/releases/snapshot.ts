import type { Db, Tx } from "../../db/client.js";
import { NotFoundError } from "../../kernel/errors.js";
import type { PersonRef } from "../../kernel/people/actor.js";
import { type GoDecision, type ReleaseSnapshot, type ReleaseStatus, releaseRef } from "./model.js";

const include = {
  services: { orderBy: { serviceId: "asc" } },
  votes: { orderBy: { at: "asc" } },
} as const;

/** The release with its services, votes and the people it names; NotFoundError when there is none. */
export async function findRelease(db: Db | Tx, number: number): Promise<ReleaseSnapshot> {
  const row = await db.release.findUnique({ where: { number }, include });
  if (!row)
    throw new NotFoundError(`There is no ${releaseRef(number)}. Check the number with /release list.`);
  return toSnapshot(db, row);
}

type Row = NonNullable<Awaited<ReturnType<typeof rowType>>>;
function rowType(db: Db) {
  return db.release.findUnique({ where: { id: 0 }, include });
}

export async function toSnapshot(db: Db | Tx, row: Row): Promise<ReleaseSnapshot> {
  const ids = [row.managerId, row.requesterId, ...row.votes.map((vote) => vote.personId)];
  const people = new Map(
    (
      await db.person.findMany({
        where: { id: { in: [...new Set(ids)] } },
        select: { id: true, displayName: true },
      })
    ).map((person) => [person.id, person]),
  );
  const person = (id: string): PersonRef => people.get(id) ?? { id, displayName: id };
  const services = await db.service.findMany({
    where: { id: { in: row.services.map((service) => service.serviceId) } },
    select: { id: true, name: true },
    orderBy: { id: "asc" },
  });
  return {
    id: row.id,
    number: row.number,
    ref: releaseRef(row.number),
    name: row.name,
    label: row.label,
    status: row.status as ReleaseStatus,
    windowStart: row.windowStart,
    windowEnd: row.windowEnd,
    manager: person(row.managerId),
    requester: person(row.requesterId),
    services,
    approvalGroupId: row.approvalGroupId,
    quorum: row.quorum,
    decision: row.decision as GoDecision | null,
    decidedAt: row.decidedAt,
    deployStartedAt: row.deployStartedAt,
    deployedAt: row.deployedAt,
    closedAt: row.closedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    votes: row.votes.map((vote) => ({
      person: person(vote.personId),
      decision: vote.decision as GoDecision,
      reason: vote.reason,
      at: vote.at,
    })),
  };
}
