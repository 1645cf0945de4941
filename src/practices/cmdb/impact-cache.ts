import type { Db, Tx } from "../../db/client.js";
import { graphToken } from "./graph-version.js";
import { impactLine, impactOf } from "./impact.js";
import type { CiSnapshot } from "./model.js";

/** Enough for every CI a desk's open tickets name; past it the cache starts again rather than grow. */
const maxLines = 5_000;

/**
 * The impact line of each CI a card shows, computed once per version of the graph. Every card of a ticket
 * that affects a CI shows it, and walking a 10k-CI graph for each card (and again for each update of it)
 * costs tens of milliseconds; one read of the graph's token (graph-version.ts) tells whether the line
 * computed before still holds, on whichever replica changed the graph.
 */
export class ImpactLineCache {
  #token: string | undefined;
  readonly #lines = new Map<number, string>();

  async line(db: Db | Tx, ci: CiSnapshot): Promise<string> {
    const token = await graphToken(db);
    if (token !== this.#token || this.#lines.size >= maxLines) {
      this.#lines.clear();
      this.#token = token;
    }
    const known = this.#lines.get(ci.id);
    if (known !== undefined) return known;
    const line = impactLine(await impactOf(db, ci));
    // Only under the token read before the walk: a graph changed meanwhile is newer, never older, than it.
    if (this.#token === token) this.#lines.set(ci.id, line);
    return line;
  }
}
