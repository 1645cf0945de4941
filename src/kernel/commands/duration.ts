/**
 * Durations as people type them in chat: `90m`, `4h`, `1h30m`, `2d`, `1w`. Normalised to whole minutes,
 * the unit SLA targets and snoozes are expressed in.
 */
const minutesPerUnit: Record<string, number> = { w: 7 * 24 * 60, d: 24 * 60, h: 60, m: 1 };
const durationPattern = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/i;

export function parseDurationMinutes(input: string): number | undefined {
  const text = input.trim().toLowerCase();
  const match = durationPattern.exec(text);
  if (text === "" || match === null) return undefined;
  const units = ["w", "d", "h", "m"] as const;
  let minutes = 0;
  units.forEach((unit, index) => {
    const amount = match[index + 1];
    if (amount !== undefined) minutes += Number(amount) * (minutesPerUnit[unit] ?? 0);
  });
  return minutes > 0 && Number.isSafeInteger(minutes) ? minutes : undefined;
}

export function formatDurationMinutes(minutes: number): string {
  return `${minutes}m`;
}
