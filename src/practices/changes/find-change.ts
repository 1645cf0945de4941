import type { Db, Tx } from "../../db/client.js";
import { NotFoundError } from "../../kernel/errors.js";
import { CHANGE_PREFIX, type ChangeSnapshot } from "./model.js";
import { changeInclude, toChangeSnapshot } from "./snapshot.js";

export async function findChange(db: Db | Tx, number: number): Promise<ChangeSnapshot> {
  const row = await db.change.findUnique({ where: { number }, include: changeInclude });
  if (!row) {
    throw new NotFoundError(`There is no ${CHANGE_PREFIX}-${number}. Check the number with /change list.`);
  }
  return toChangeSnapshot(row);
}
