import type { ConfigProblem, PathSegment } from "./config-problems.js";
import { quoteList } from "./messages.js";
import { closestMatch } from "./suggest.js";

/** Words a reference to an id that is not declared, pointing at the list where it should be. */
export function unknownReferenceMessage(
  kind: string,
  section: string,
  id: string,
  known: readonly string[],
): string {
  const suggestion = closestMatch(id, known);
  if (suggestion !== undefined) return `no ${kind} "${id}" in ${section}; did you mean "${suggestion}"?`;
  if (known.length === 0) return `no ${kind} "${id}" in ${section}; declare it under ${section} first`;
  const distinct = [...new Set(known)];
  // A desk with hundreds of people gains nothing from the full list; a handful shows the expected form.
  const shown = distinct.length > 8 ? `${quoteList(distinct.slice(0, 8))}, …` : quoteList(distinct);
  return `no ${kind} "${id}" in ${section}; declared ${section} are ${shown}`;
}

/**
 * Reports every id used twice in a list, at the later use, naming the first so the operator can decide which
 * of the two to rename.
 */
export function checkUnique<Item>(
  items: readonly Item[],
  rule: {
    readonly keyOf: (item: Item) => string | undefined;
    readonly pathOf: (index: number) => readonly PathSegment[];
    readonly clash: (value: string, firstIndex: number) => string;
  },
  problems: ConfigProblem[],
): void {
  const firstIndexOf = new Map<string, number>();
  items.forEach((item, index) => {
    const value = rule.keyOf(item);
    if (value === undefined) return;
    const firstIndex = firstIndexOf.get(value);
    if (firstIndex === undefined) firstIndexOf.set(value, index);
    else problems.push({ path: rule.pathOf(index), message: rule.clash(value, firstIndex) });
  });
}
