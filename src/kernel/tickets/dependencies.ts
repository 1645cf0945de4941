import type { Db, Tx } from "../../db/client.js";
import type { TicketDirectory } from "./directory.js";
import type { ItemRef } from "./item-ref.js";
import { linksOf } from "./links.js";

/** What a named item (a CI) depends on and what depends on it, each within a few hops of it. */
export interface ItemDependencies {
  /** Keys of the items it depends on or runs on, transitively. */
  readonly dependsOn: readonly string[];
  /** Keys of the items that depend on it or run on it, transitively. */
  readonly usedBy: readonly string[];
}

/**
 * How far two items are followed through the graph when looking for a clash. A change on a database
 * matters to what stands a few layers up (service, application, business service); past six hops in a
 * real estate nearly everything reaches nearly everything, and the warning would say nothing.
 */
export const dependencyHops = 6;

/** Two items of two tickets, and how the first relates to the second through the graph. */
export interface DependencyClash {
  readonly mine: ItemRef;
  readonly theirs: ItemRef;
  /** The same item; mine depends on theirs; theirs depends on mine. */
  readonly relation: "same" | "depends_on" | "dependency_of";
}

/** The items a ticket says it affects whose owner knows their dependencies (the CIs a change is on). */
export async function affectedItems(
  db: Db | Tx,
  directory: TicketDirectory,
  ticket: ItemRef,
): Promise<ItemRef[]> {
  return (await linksOf(db, ticket))
    .filter((link) => link.relation === "affects" && link.direction === "out")
    .map((link) => link.other)
    .filter((ref) => directory.owner(ref.kind)?.dependencies !== undefined);
}

/**
 * The first clash between two sets of items through the dependency graph, or undefined: the same item, one
 * of mine depending on one of theirs, or one of theirs depending on one of mine. Each of mine is walked once
 * per call (`walked` may be shared across calls for the same `mine`).
 */
export async function findDependencyClash(
  db: Db | Tx,
  directory: TicketDirectory,
  mine: readonly ItemRef[],
  theirs: readonly ItemRef[],
  walked: Map<string, ItemDependencies> = new Map(),
): Promise<DependencyClash | undefined> {
  for (const item of mine) {
    const same = theirs.find((other) => other.kind === item.kind && other.key === item.key);
    if (same) return { mine: item, theirs: same, relation: "same" };
    const owner = directory.owner(item.kind);
    if (!owner?.dependencies) continue;
    const id = `${item.kind}:${item.key}`;
    let reach = walked.get(id);
    if (!reach) {
      reach = await owner.dependencies(db, item.key);
      walked.set(id, reach);
    }
    for (const other of theirs) {
      if (other.kind !== item.kind) continue;
      if (reach.dependsOn.includes(other.key)) return { mine: item, theirs: other, relation: "depends_on" };
      if (reach.usedBy.includes(other.key)) return { mine: item, theirs: other, relation: "dependency_of" };
    }
  }
  return undefined;
}
