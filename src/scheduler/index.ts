// The scheduler's public surface: jobs register here and run once per slot across replicas.
export { type Interval, IntervalError, parseInterval, slotAt } from "./interval.js";
export { type SchedulerLogger, silentSchedulerLogger } from "./logger.js";
export {
  type JobDefinition,
  type JobRun,
  type RunOutcome,
  type RunReport,
  Scheduler,
  type SchedulerCounts,
  type SchedulerOptions,
} from "./scheduler.js";
