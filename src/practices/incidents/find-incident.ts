import type { Db, Tx } from "../../db/client.js";
import { NotFoundError, ValidationError } from "../../kernel/errors.js";
import { clipText } from "../../kernel/text/clip.js";
import { INCIDENT_PREFIX, type IncidentSnapshot } from "./model.js";
import { incidentInclude, toSnapshot } from "./snapshot.js";

/** Accepts what people type: `INC-7`, `inc-7`, `#7`, `7`. */
export function parseIncidentRef(text: string): number {
  const match = /^\s*(?:inc-?|#)?\s*(\d{1,9})\s*$/i.exec(text);
  if (!match?.[1]) {
    throw new ValidationError(
      `"${clipText(text, 40)}" is not an incident number. Write it like ${INCIDENT_PREFIX}-42.`,
    );
  }
  return Number(match[1]);
}

export async function findIncident(db: Db | Tx, number: number): Promise<IncidentSnapshot> {
  const row = await db.incident.findUnique({ where: { number }, include: incidentInclude });
  if (!row) {
    throw new NotFoundError(
      `There is no ${INCIDENT_PREFIX}-${number}. Check the number with /incident list.`,
    );
  }
  return toSnapshot(row);
}
