/**
 * The vocabulary of IT service continuity management (ITIL 4): a plan per business service (in
 * opsdesk.yaml), and its runs: a real recovery or a drill, numbered BCP-n, each a checklist of recovery
 * steps raced against the recovery time objective (RTO) and the maximum tolerable downtime (MTD).
 */
export const RUN_PREFIX = "BCP";

/**
 * The kind under which a service's plan is known to the ticket directory (key: the service id), so a major
 * incident's card can offer "Invoke continuity plan" without the incidents practice knowing this one.
 */
export const PLAN_KIND = "PLAN";

export const stepStatuses = ["pending", "started", "done", "blocked"] as const;
export type StepStatus = (typeof stepStatuses)[number];

/** What a person may do to a step; the button labels are Start / Done / Blocked. */
export const stepMoves = ["start", "done", "blocked"] as const;
export type StepMove = (typeof stepMoves)[number];

export const stepTarget: Record<StepMove, StepStatus> = {
  start: "started",
  done: "done",
  blocked: "blocked",
};

/** RTO warnings, in percent of the objective, each posted once (ITIL 4: escalate before the objective is missed). */
export const warningPercents = [50, 75, 90] as const;

export interface RunStep {
  position: number;
  title: string;
  ownerGroupId: string;
  status: StepStatus;
  note: string | null;
}

export interface RunSnapshot {
  id: number;
  number: number;
  ref: string;
  serviceId: string;
  drill: boolean;
  status: "active" | "recovered";
  incidentRef: string | null;
  rtoMinutes: number;
  rpoMinutes: number;
  mtdMinutes: number;
  ordered: boolean;
  startedAt: Date;
  recoveredAt: Date | null;
  recoveryMinutes: number | null;
  warnedPercent: number;
  drawnAt: Date | null;
  updatedAt: Date;
  version: number;
  steps: RunStep[];
}

export function runRef(number: number): string {
  return `${RUN_PREFIX}-${number}`;
}
