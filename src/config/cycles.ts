/**
 * Dependency cycles among services. Impact analysis walks dependsOn transitively, so a cycle would make every
 * service in it the cause of every other; the operator needs to see the whole loop to pick the wrong edge.
 *
 * Returns one cycle per loop found by a depth-first walk, each starting at the node that comes first in
 * `order` (the file's order), without repeating the first node at the end. Edges to unknown nodes are ignored.
 */
export function findCycles(
  order: readonly string[],
  edges: ReadonlyMap<string, readonly string[]>,
): string[][] {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const seen = new Set<string>();
  const cycles: string[][] = [];
  const rank = new Map(order.map((id, index) => [id, index]));

  const visit = (node: string): void => {
    state.set(node, "visiting");
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (!rank.has(next)) continue;
      const nextState = state.get(next);
      if (nextState === "visiting") {
        const cycle = rotateToFirst(stack.slice(stack.indexOf(next)), rank);
        const key = cycle.join("\u0000");
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (nextState === undefined) {
        visit(next);
      }
    }
    stack.pop();
    state.set(node, "done");
  };

  for (const node of order) {
    if (!state.has(node)) visit(node);
  }
  return cycles;
}

function rotateToFirst(cycle: readonly string[], rank: ReadonlyMap<string, number>): string[] {
  let start = 0;
  cycle.forEach((node, index) => {
    if ((rank.get(node) ?? 0) < (rank.get(cycle[start] ?? "") ?? 0)) start = index;
  });
  return [...cycle.slice(start), ...cycle.slice(0, start)];
}
