/** The SLA clock model: pure state and transitions over the business-calendar arithmetic. */

export { clockFigures, currentClocks, type SlaClockFigures } from "./figures.js";
export {
  type AlertInstant,
  dueAt,
  elapsedAt,
  instantOfPercent,
  nextAlertAt,
  pendingAlerts,
} from "./schedule.js";
export {
  BREACH_PERCENT,
  type ClockPause,
  type ClockStatus,
  clockStatus,
  isPaused,
  isStopped,
  type SlaClockState,
  type StopReason,
  stopReasons,
} from "./state.js";
export {
  type ClockTerms,
  type DueAlert,
  pauseClock,
  reopenCumulative,
  resumeClock,
  retargetClock,
  startClock,
  stopClock,
  takeDueAlerts,
} from "./transitions.js";
