import type { Db, Tx } from "../../db/client.js";
import { NotFoundError } from "../../kernel/errors.js";
import type { PersonRef } from "../../kernel/people/actor.js";
import {
  type ApproverSnapshot,
  type RequestSnapshot,
  type RequestStatus,
  requestRef,
  type TaskSnapshot,
  type TaskStatus,
  taskRef,
} from "./model.js";

const include = {
  approvers: { orderBy: [{ stage: "asc" as const }, { personId: "asc" as const }] },
  tasks: { orderBy: { position: "asc" as const } },
  questions: { where: { answeredAt: null }, orderBy: { id: "desc" as const }, take: 1 },
};

/** Loads a request with its approvers, tasks and open question; people by name. */
export async function findRequest(db: Db | Tx, number: number): Promise<RequestSnapshot> {
  const row = await db.serviceRequest.findUnique({ where: { number }, include });
  if (!row)
    throw new NotFoundError(`There is no ${requestRef(number)}. Check the number with /request list.`);
  return toSnapshot(db, row);
}

export async function findRequestById(db: Db | Tx, id: number): Promise<RequestSnapshot> {
  const row = await db.serviceRequest.findUniqueOrThrow({ where: { id }, include });
  return toSnapshot(db, row);
}

type Row = NonNullable<Awaited<ReturnType<Db["serviceRequest"]["findUnique"]>>> & {
  approvers: {
    stage: number;
    personId: string;
    onBehalfOf: string | null;
    decision: string | null;
    reason: string | null;
  }[];
  tasks: {
    id: number;
    position: number;
    title: string;
    groupId: string;
    instructions: string;
    status: string;
    assigneeId: string | null;
    note: string | null;
    version: number;
    updatedAt: Date;
  }[];
  questions: { id: number; askerId: string; question: string }[];
};

export async function peopleByIds(db: Db | Tx, ids: readonly string[]): Promise<Map<string, PersonRef>> {
  const rows = await db.person.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, displayName: true },
  });
  return new Map(rows.map((row) => [row.id, row]));
}

async function toSnapshot(db: Db | Tx, row: Row): Promise<RequestSnapshot> {
  const ids = [
    row.requesterId,
    ...row.approvers.flatMap((a) => [a.personId, a.onBehalfOf ?? a.personId]),
    ...row.tasks.flatMap((t) => (t.assigneeId ? [t.assigneeId] : [])),
    ...row.questions.map((q) => q.askerId),
  ];
  const people = await peopleByIds(db, ids);
  const person = (id: string): PersonRef => people.get(id) ?? { id, displayName: id };
  const approvers: ApproverSnapshot[] = row.approvers.map((a) => ({
    stage: a.stage,
    person: person(a.personId),
    onBehalfOf: a.onBehalfOf ? person(a.onBehalfOf) : null,
    decision: a.decision === "approve" || a.decision === "reject" ? a.decision : null,
    reason: a.reason,
  }));
  const tasks: TaskSnapshot[] = row.tasks.map((t) => ({
    id: t.id,
    position: t.position,
    ref: taskRef(row.number, t.position),
    title: t.title,
    groupId: t.groupId,
    instructions: t.instructions,
    status: t.status as TaskStatus,
    assignee: t.assigneeId ? person(t.assigneeId) : null,
    note: t.note,
    version: t.version,
    updatedAt: t.updatedAt,
  }));
  const question = row.questions[0];
  return {
    id: row.id,
    number: row.number,
    ref: requestRef(row.number),
    itemId: row.itemId,
    itemName: row.itemName,
    values: JSON.parse(row.values) as Record<string, string>,
    status: row.status as RequestStatus,
    requester: person(row.requesterId),
    stage: row.stage,
    needed: row.needed,
    reason: row.reason,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    fulfilledAt: row.fulfilledAt,
    version: row.version,
    approvers,
    tasks,
    openQuestion: question
      ? { id: question.id, asker: person(question.askerId), question: question.question }
      : null,
  };
}
