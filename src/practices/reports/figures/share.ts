/** A share as a percentage with one decimal, or null when nothing was judged. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}
