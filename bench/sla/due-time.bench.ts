/**
 * Due-time throughput: the compiled calendar (src/core/sla) against the naive minute-stepping baseline
 * (the same oracle the unit tests use), measured in the same run on the same inputs. Not a timed test;
 * run with `npx tsx bench/sla/due-time.bench.ts`. Target: ≥ 100 000 due computations per second for
 * targets up to 200 business hours on a business calendar with holidays.
 */
import type { CalendarDefinition } from "../../src/kernel/sla/calendar-definition.js";
import { dueAt, pauseClock, resumeClock, startClock } from "../../src/kernel/sla/clock/index.js";
import { addBusinessTime, compileCalendar } from "../../src/kernel/sla/index.js";
import { MinuteOracle } from "../../test/unit/sla/minute-oracle.js";

const MINUTE = 60_000;
const splitShift = [
  ["08:00", "12:00"],
  ["13:00", "17:00"],
] as const;
const calendarDefinition: CalendarDefinition = {
  timezone: "Europe/Berlin",
  hours: { mon: splitShift, tue: splitShift, wed: splitShift, thu: splitShift, fri: splitShift },
  holidays: [
    "2025-01-01",
    "2025-04-18",
    "2025-04-21",
    "2025-05-01",
    "2025-05-29",
    "2025-06-09",
    "2025-10-03",
    "2025-12-25",
    "2025-12-26",
    "2026-01-01",
    "2026-04-03",
    "2026-04-06",
    "2026-05-01",
    "2026-05-14",
    "2026-05-25",
    "2026-10-03",
    "2026-12-25",
    "2026-12-26",
  ],
};

/** Deterministic inputs (mulberry32) so runs are comparable: minute-aligned starts over 2025, 1m-200h targets. */
function inputs(count: number, seed: number): Array<{ start: Date; ms: number }> {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const yearStart = Date.parse("2025-01-01T00:00:00Z") / MINUTE;
  return Array.from({ length: count }, () => ({
    start: new Date((yearStart + Math.floor(random() * 365 * 24 * 60)) * MINUTE),
    ms: (1 + Math.floor(random() * 200 * 60)) * MINUTE,
  }));
}

function measure(
  label: string,
  cases: ReadonlyArray<{ start: Date; ms: number }>,
  run: (c: { start: Date; ms: number }) => number,
  minMs: number,
) {
  let operations = 0;
  let checksum = 0;
  const began = performance.now();
  let elapsed = 0;
  do {
    const input = cases[operations % cases.length];
    if (input === undefined) break;
    checksum += run(input) % 1_000;
    operations++;
    elapsed = performance.now() - began;
  } while (elapsed < minMs || operations < 3);
  return { label, operations, elapsed, perSecond: (operations / elapsed) * 1_000, checksum };
}

const cases = inputs(10_000, 20_250_330);
const oracle = new MinuteOracle(calendarDefinition);

// Cold: a freshly compiled calendar pays for building its per-day windows once.
const coldCalendar = compileCalendar(calendarDefinition, "bench-cold");
const coldBegan = performance.now();
for (const input of cases) addBusinessTime(coldCalendar, input.start, input.ms);
const coldMs = performance.now() - coldBegan;

const calendar = compileCalendar(calendarDefinition, "bench");
for (const input of cases) addBusinessTime(calendar, input.start, input.ms); // warm cache and JIT
const fast = measure(
  "compiled calendar",
  cases,
  (c) => addBusinessTime(calendar, c.start, c.ms).getTime(),
  2_000,
);
// The SLA clock model on the same inputs, each clock paused twice (1h and 30m, a day apart) as real holds are.
const clocks = cases.map((c) => {
  const start = c.start.getTime();
  let clock = startClock("resolution", 1, { targetMs: c.ms, thresholds: [50, 75, 90] }, start);
  clock = resumeClock(pauseClock(clock, start + 30 * MINUTE), start + 90 * MINUTE);
  clock = resumeClock(pauseClock(clock, start + 26 * 60 * MINUTE), start + 26 * 60 * MINUTE + 30 * MINUTE);
  return clock;
});
for (const clock of clocks) dueAt(calendar, clock);
const model = measure(
  "clock model, 2 pauses",
  cases,
  (() => {
    let index = 0;
    return () => dueAt(calendar, clocks[index++ % clocks.length] ?? clocks[0]!) ?? 0;
  })(),
  2_000,
);
const naive = measure("minute-stepping baseline", cases, (c) => oracle.due(c.start.getTime(), c.ms), 5_000);

// The baseline doubles as a correctness check on every input it got through.
let mismatches = 0;
for (const input of cases.slice(0, naive.operations)) {
  if (
    addBusinessTime(calendar, input.start, input.ms).getTime() !== oracle.due(input.start.getTime(), input.ms)
  ) {
    mismatches++;
  }
}

const format = (n: number) => Math.round(n).toLocaleString("en-US");
console.log("SLA due-time throughput: Europe/Berlin split shift (08-12, 13-17) Mon-Fri, 18 holidays;");
console.log("targets 1 min..200 business hours, starts spread over 2025\n");
console.log(
  `${"implementation".padEnd(28)}${"ops".padStart(12)}${"time (ms)".padStart(12)}${"ops/s".padStart(14)}`,
);
for (const result of [fast, model, naive]) {
  console.log(
    `${result.label.padEnd(28)}${format(result.operations).padStart(12)}${result.elapsed.toFixed(0).padStart(12)}${format(result.perSecond).padStart(14)}`,
  );
}
console.log(`\nratio (compiled / baseline): ${format(fast.perSecond / naive.perSecond)}×`);
console.log(
  `cold start (fresh calendar, ${format(cases.length)} due times incl. building day windows): ${coldMs.toFixed(0)} ms`,
);
console.log(`target ≥ 100,000 ops/s: ${fast.perSecond >= 100_000 ? "met" : "NOT met"}`);
console.log(`clock model with pauses ≥ 100,000 ops/s: ${model.perSecond >= 100_000 ? "met" : "NOT met"}`);
console.log(`baseline cross-check: ${naive.operations} inputs, ${mismatches} mismatches`);
