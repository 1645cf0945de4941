import type { RecentItem } from "../../../kernel/tickets/item-ref.js";
import { searchWords } from "../search-known-errors.js";

/**
 * Incidents that look alike (the recurring-incident job): on the same service, and with the same category or
 * at least two significant title words in common (stop words left out; a plural "s" ignored). Look-alike is
 * transitive: A~B and B~C put A, B and C in one cluster. Linear in the number of incidents: each incident is
 * filed under its category and under every pair of its (at most eight) title words, and incidents filed under
 * the same key are joined, so sharing two words is found without comparing every pair of incidents.
 */
export function lookAlikeClusters(items: readonly RecentItem[]): RecentItem[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[i] !== root) {
      const next = parent[i] as number;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  const first = new Map<string, number>();
  const file = (key: string, i: number) => {
    const seen = first.get(key);
    if (seen === undefined) first.set(key, i);
    else parent[find(i)] = find(seen);
  };
  items.forEach((item, i) => {
    if (!item.serviceId) return;
    const service = item.serviceId;
    if (item.category) file(`${service}\u0000c\u0000${item.category.trim().toLowerCase()}`, i);
    const words = [...new Set(searchWords(item.title).map(singular))].sort();
    for (let a = 0; a < words.length; a++)
      for (let b = a + 1; b < words.length; b++)
        file(`${service}\u0000w\u0000${words[a]}\u0000${words[b]}`, i);
  });
  const clusters = new Map<number, RecentItem[]>();
  items.forEach((item, i) => {
    if (!item.serviceId) return;
    const root = find(i);
    clusters.set(root, [...(clusters.get(root) ?? []), item]);
  });
  return [...clusters.values()];
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}
