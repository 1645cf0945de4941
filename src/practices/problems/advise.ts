import type { Tx } from "../../db/client.js";
import type { DatabaseEngine } from "../../db/engine.js";
import type { Advice, ItemDraft } from "../../kernel/practice.js";
import { KNOWN_ERROR_PREFIX } from "./model.js";
import { searchKnownErrors } from "./search-known-errors.js";

/**
 * When an incident is raised, the known error that looks most like it (search-known-errors.ts: its title's
 * words, advice strictness) is linked to it as `suggested`: the raiser's confirmation and the incident card
 * show "Looks like: KE-2 · …" with the workaround and "Apply workaround". One suggestion at most: more is noise.
 */
export async function adviseKnownError(tx: Tx, engine: DatabaseEngine, draft: ItemDraft): Promise<Advice[]> {
  if (draft.ref.kind !== "INC") return [];
  const [best] = await searchKnownErrors(tx, engine, draft.title, { strictness: "advice", limit: 1 });
  return best ? [{ to: { kind: KNOWN_ERROR_PREFIX, key: String(best.number) }, relation: "suggested" }] : [];
}
