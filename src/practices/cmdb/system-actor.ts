import type { Tx } from "../../db/client.js";

/**
 * Who the timeline names for changes no person made in chat: the config sync and catalog imports. A person
 * row like any other (timeline entries point at people); its id cannot clash with a person from
 * opsdesk.yaml, whose ids are slugs.
 */
export const CMDB_SYSTEM_PERSON = "opsdesk:cmdb";

export async function ensureSystemPerson(tx: Tx, at: Date): Promise<string> {
  await tx.person.upsert({
    where: { id: CMDB_SYSTEM_PERSON },
    create: { id: CMDB_SYSTEM_PERSON, displayName: "OpsDesk CMDB sync", createdAt: at },
    update: {},
  });
  return CMDB_SYSTEM_PERSON;
}
