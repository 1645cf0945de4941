import type { Db, Tx } from "../../db/client.js";
import { NotFoundError } from "../../kernel/errors.js";
import { PROBLEM_PREFIX, type ProblemSnapshot } from "./model.js";
import { problemInclude, toProblemSnapshot } from "./snapshot.js";

export async function findProblem(db: Db | Tx, number: number): Promise<ProblemSnapshot> {
  const row = await db.problem.findUnique({ where: { number }, include: problemInclude });
  if (!row) {
    throw new NotFoundError(
      `There is no ${PROBLEM_PREFIX}-${number}. Check the number with /problem list all.`,
    );
  }
  return toProblemSnapshot(row);
}
