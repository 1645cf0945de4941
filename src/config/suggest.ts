/**
 * "Did you mean" for misspelt keys and ids. Only an obvious match is offered: a wrong guess is worse than
 * none, because the operator will copy it.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const target = candidate.toLowerCase();
    // "monday" for "mon", "depends" for "dependsOn": a full prefix is as good as a typo.
    const distance =
      target.length >= 3 && (lower.startsWith(target) || target.startsWith(lower)) && lower.length >= 3
        ? 1
        : editDistance(lower, target);
    if (best === undefined || distance < best.distance) best = { candidate, distance };
  }
  if (best === undefined) return undefined;
  const tolerance = Math.max(1, Math.floor(Math.max(word.length, best.candidate.length) / 3));
  return best.distance <= tolerance ? best.candidate : undefined;
}

/** Levenshtein distance with adjacent transpositions ("dependsOn" / "dpeendsOn" is one slip, not two). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const above = rows[i - 1] ?? [];
      let value = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(value);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? Math.max(a.length, b.length);
}
