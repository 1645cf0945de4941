import type { Db } from "../../../db/client.js";
import { NotFoundError } from "../../../kernel/errors.js";
import { IMPROVEMENT_PREFIX } from "./command.js";
import type { ImprovementMetric } from "./metrics.js";

/** An improvement as the reports practice reads it from its own table. */
export interface ImprovementRow {
  readonly number: number;
  readonly title: string;
  readonly why: string;
  readonly metric: ImprovementMetric;
  readonly serviceId: string | null;
  readonly baseline: number | null;
  readonly target: number;
  readonly reviewOn: Date;
  readonly ownerId: string;
  readonly reviewedAt: Date | null;
  readonly reviewValue: number | null;
}

export function improvementRef(number: number): string {
  return `${IMPROVEMENT_PREFIX}-${number}`;
}

export async function findImprovement(db: Db, number: number): Promise<ImprovementRow> {
  const row = await db.improvement.findUnique({ where: { number } });
  if (!row) throw new NotFoundError(`There is no ${improvementRef(number)}; /improve list shows them all.`);
  return row as ImprovementRow;
}

export async function listImprovements(db: Db): Promise<ImprovementRow[]> {
  return (await db.improvement.findMany({
    orderBy: [{ reviewOn: "asc" }, { number: "asc" }],
    take: 50,
  })) as ImprovementRow[];
}
