import type { Db, Prisma } from "../../db/client.js";
import type { Actor } from "../../kernel/people/actor.js";
import type { ProblemListScope } from "./command.js";
import { openProblemStatuses, type ProblemSnapshot } from "./model.js";
import { problemInclude, toProblemSnapshot } from "./snapshot.js";

/**
 * mine: open problems I own or raised; open: every open problem; known: problems published as known errors
 * (any state); all: any state. Most urgent first, then oldest.
 */
export async function listProblems(
  db: Db,
  actor: Actor,
  scope: ProblemListScope,
  limit = 25,
): Promise<{ problems: ProblemSnapshot[]; total: number }> {
  const open = { status: { in: [...openProblemStatuses] } };
  const where: Prisma.ProblemWhereInput =
    scope === "mine"
      ? { ...open, OR: [{ ownerId: actor.person.id }, { reporterId: actor.person.id }] }
      : scope === "open"
        ? open
        : scope === "known"
          ? { knownError: { is: { status: "published" } } }
          : {};
  const [rows, total] = await Promise.all([
    db.problem.findMany({
      where,
      include: problemInclude,
      orderBy: [{ priority: "asc" }, { createdAt: "asc" }],
      take: limit,
    }),
    db.problem.count({ where }),
  ]);
  return { problems: rows.map(toProblemSnapshot), total };
}
