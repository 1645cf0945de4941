/**
 * SLA time arithmetic on business calendars: pure and deterministic (DESIGN principle 6). Every function
 * takes the instants it needs; nothing here reads a clock.
 */
export type { BusinessCalendar } from "./business-calendar.js";
export { addBusinessTime, businessElapsed } from "./business-time.js";
export { type CalendarDefinition, twentyFourSeven, type Weekday, weekdays } from "./calendar-definition.js";
export { compileCalendar } from "./compile-calendar.js";
export { formatDuration } from "./format-duration.js";
export { parseSlaDuration } from "./parse-duration.js";
export { addBusinessTimeExcluding, businessElapsedExcluding, type SlaPause } from "./pauses.js";
export { defaultWarningThresholds, type ThresholdInstant, warningInstants } from "./warning-thresholds.js";
