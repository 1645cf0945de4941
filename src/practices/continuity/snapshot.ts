import type { Db, Tx } from "../../db/client.js";
import { NotFoundError } from "../../kernel/errors.js";
import { type RunSnapshot, runRef, type StepStatus } from "./model.js";

/** A run with its steps in order; NotFoundError when there is none. */
export async function findRun(db: Db | Tx, number: number): Promise<RunSnapshot> {
  const row = await db.continuityRun.findUnique({
    where: { number },
    include: { steps: { orderBy: { position: "asc" } } },
  });
  if (!row) throw new NotFoundError(`There is no ${runRef(number)}. /continuity status lists the plans.`);
  return toRunSnapshot(row);
}

type Row = NonNullable<Awaited<ReturnType<typeof rowOf>>>;
function rowOf(db: Db) {
  return db.continuityRun.findUnique({ where: { id: 0 }, include: { steps: true } });
}

export function toRunSnapshot(row: Row): RunSnapshot {
  return {
    ...row,
    ref: runRef(row.number),
    status: row.status as RunSnapshot["status"],
    steps: row.steps
      .slice()
      .sort((a, b) => a.position - b.position)
      .map((step) => ({
        position: step.position,
        title: step.title,
        ownerGroupId: step.ownerGroupId,
        status: step.status as StepStatus,
        note: step.note,
      })),
  };
}
