/**
 * Polls `find` until it returns something, for records a fake keeps in memory. Polling (rather than the
 * fakes' one-shot waiters) lets a driver wait for whichever of several outcomes comes first, say a
 * private message or a form, without leaving the loser's timer behind.
 */
/**
 * How long a driver waits for OpsDesk's answer. Generous on purpose: the gate runs test files side by side on
 * two shared cores, and a chart report renders three images. Speed is measured by the benchmarks in bench/,
 * never by a timeout here; a missing answer still fails, only later.
 */
export const answerTimeoutMs = 15_000;

export async function eventually<T>(
  find: () => T | undefined,
  what: string,
  timeoutMs = answerTimeoutMs,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Strings under any `text`, `content`, `label`, `title`, `name` or `value` key, depth first. */
export function textsIn(value: unknown, keys: ReadonlySet<string>): string[] {
  if (typeof value !== "object" || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item) => textsIn(item, keys));
  const texts: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (typeof child === "string" && keys.has(key)) texts.push(child);
    else texts.push(...textsIn(child, keys));
  }
  return texts;
}
