/** Stored SLA clocks, whatever table keeps them: their columns and the sweep over them. */

export { type StateColumns, type StoredClock, stateColumns, toState } from "./columns.js";
export { type SlaClockTable, type SweepOptions, type SweepResult, sweepSlaClocks } from "./sweep.js";
