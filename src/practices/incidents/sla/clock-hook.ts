import type { Tx } from "../../../db/client.js";
import { isAgent } from "../../../kernel/people/actor.js";
import type { Priority } from "../../../kernel/priority.js";
import {
  pauseClock,
  reopenCumulative,
  resumeClock,
  retargetClock,
  type SlaClockState,
  startClock,
  stopClock,
} from "../../../kernel/sla/clock/index.js";
import {
  type ClockRule,
  policyName,
  type SlaClockKind,
  type SlaPolicy,
  slaClockKinds,
} from "../../../kernel/sla/policy.js";
import { stateColumns, toState } from "../../../kernel/sla/store/index.js";
import type { IncidentChange } from "../context.js";
import type { IncidentSnapshot } from "../model.js";
import { createColumns, policySnapshot, readPolicySnapshot, type SlaClockRow } from "./clock-row.js";
import type { SlaRuntime } from "./runtime.js";

/**
 * Keeps an incident's SLA clocks current. Runs as an IncidentContext onChange hook, inside the transaction
 * of the change, so a clock never disagrees with its incident. Register it BEFORE the posts hook, so the
 * card posted for the change shows the clocks as they now are.
 */
export function slaClocksHook(runtime: SlaRuntime) {
  return async (tx: Tx, change: IncidentChange): Promise<void> => {
    const now = change.incident.updatedAt.getTime();
    if (change.kind === "created") {
      for (const kind of slaClockKinds) {
        await startNewClock(tx, runtime, change.incident, kind, 1, now, { kind: "started" });
      }
      return;
    }
    const plan = planFor(change, runtime);
    if (plan === undefined) return;
    for (const kind of slaClockKinds) {
      const step = plan[kind];
      if (step !== undefined) await applyToLatest(tx, runtime, change.incident, kind, step, now);
    }
  };
}

/** The rule a step records on the clock it changes or starts (for /sla show); undefined records none. */
type RuleOf = (row: SlaClockRow) => ClockRule | undefined;

type Step =
  | { type: "transition"; apply: (state: SlaClockState, ctx: StepContext) => SlaClockState; rule?: RuleOf }
  /** Start the next cycle; `whenStopped: false` leaves a clock that already stopped alone (restart mode). */
  | { type: "new_cycle"; whenStopped: boolean; rule: (row: SlaClockRow) => ClockRule };

interface StepContext {
  calendar: ReturnType<SlaRuntime["calendar"]>;
  now: number;
}

type Plan = Partial<Record<SlaClockKind, Step>>;

const transition = (
  apply: (state: SlaClockState, ctx: StepContext) => SlaClockState,
  rule?: RuleOf,
): Step => ({ type: "transition", apply, ...(rule === undefined ? {} : { rule }) });

const both = (step: Step): Plan => ({ response: step, resolution: step });

/**
 * What a change does to each clock (README "SLAs"). The policy is the incident's as it is AFTER the change:
 * on a priority change, the new priority's policy decides between recompute and restart, and on a reopen the
 * current policy decides between a new cycle and cumulative, whatever the policy the clock started under said.
 */
function planFor(change: IncidentChange, runtime: SlaRuntime): Plan | undefined {
  const { incident, previous } = change;
  const policy = runtime.policy(incident.priority, incident.service?.id ?? null);
  const decidedBy = policyName(policy);
  const stop = (reason: Parameters<typeof stopClock>[3]) =>
    transition((state, { calendar, now }) => stopClock(calendar, state, now, reason));
  switch (change.kind) {
    case "acknowledged":
    case "assigned":
      // Assigning a new incident acknowledges it (ITIL: it is being worked on).
      return previous?.acknowledgedAt === null && incident.acknowledgedAt !== null
        ? { response: stop("acknowledged") }
        : undefined;
    case "note_added":
      // Only a public note by an agent answers the caller; internal notes and the caller's own do not.
      return change.visibility === "public" && isAgent(change.actor)
        ? { response: stop("responded") }
        : undefined;
    case "put_on_hold":
      return incident.holdReason !== null && policy.pauseOn.includes(incident.holdReason)
        ? both(transition((state, { now }) => pauseClock(state, now)))
        : undefined;
    case "resumed":
      return both(transition((state, { now }) => resumeClock(state, now)));
    case "resolved":
      return both(stop("resolved"));
    case "cancelled":
      return both(stop("cancelled"));
    case "reopened":
      return policy.reopen === "cumulative"
        ? {
            resolution: transition(
              (state, { now }) => reopenCumulative(state, now),
              () => ({ kind: "cumulative", policy: decidedBy }),
            ),
          }
        : {
            resolution: {
              type: "new_cycle",
              whenStopped: true,
              rule: () => ({ kind: "newCycle", policy: decidedBy }),
            },
          };
    case "priority_changed": {
      const changed = (kind: "restarted" | "recomputed") => (row: SlaClockRow) =>
        ({ kind, from: row.priority as Priority, to: incident.priority, policy: decidedBy }) as const;
      // A response already given is not asked for again: only running or paused clocks restart.
      return policy.priorityChange === "restart"
        ? both({ type: "new_cycle", whenStopped: false, rule: changed("restarted") })
        : both(retarget(policy, changed("recomputed")));
    }
    case "created":
    case "closed":
    case "major_declared":
    case "linked":
    case "unlinked":
      // Created clocks start above; closing after resolution, declaring major and links leave them alone.
      return undefined;
    default: {
      const unhandled: never = change.kind;
      throw new Error(`the SLA clocks do not know incident event ${String(unhandled)}`);
    }
  }
}

function termsOf(policy: SlaPolicy, kind: SlaClockKind) {
  return { targetMs: policy[kind].ms, thresholds: policy.thresholds };
}

function retarget(policy: SlaPolicy, rule: RuleOf): Step {
  return transition(
    (state, { calendar, now }) => retargetClock(calendar, state, termsOf(policy, state.kind), now),
    rule,
  );
}

function pausedNow(incident: IncidentSnapshot, policy: SlaPolicy): boolean {
  return (
    incident.status === "on_hold" &&
    incident.holdReason !== null &&
    policy.pauseOn.includes(incident.holdReason)
  );
}

async function startNewClock(
  tx: Tx,
  runtime: SlaRuntime,
  incident: IncidentSnapshot,
  kind: SlaClockKind,
  cycle: number,
  now: number,
  rule: ClockRule,
): Promise<void> {
  const serviceId = incident.service?.id ?? null;
  const policy = runtime.policy(incident.priority, serviceId);
  const calendarId = runtime.calendarIdFor(policy, kind, serviceId);
  const calendar = runtime.calendar(calendarId);
  const state = startClock(kind, cycle, termsOf(policy, kind), now, pausedNow(incident, policy));
  await tx.slaClock.create({
    data: createColumns({
      incidentId: incident.id,
      priority: incident.priority,
      calendarId,
      calendar,
      policy,
      rule,
      state,
      now,
    }),
  });
}

async function latestClock(tx: Tx, incidentId: number, kind: SlaClockKind): Promise<SlaClockRow | null> {
  return tx.slaClock.findFirst({ where: { incidentId, kind }, orderBy: { cycle: "desc" } });
}

/**
 * Applies one step to the incident's latest clock of a kind. The write is conditional on the row's
 * version: if the sweep advanced the clock meanwhile (another transaction on PostgreSQL), the step is
 * applied again to what the sweep wrote, so neither side's work is lost.
 */
async function applyToLatest(
  tx: Tx,
  runtime: SlaRuntime,
  incident: IncidentSnapshot,
  kind: SlaClockKind,
  step: Step,
  now: number,
): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await latestClock(tx, incident.id, kind);
    // Incidents raised before SLAs existed have no clocks; they start none retroactively.
    if (row === null) return;
    if (step.type === "new_cycle") {
      if (row.stoppedAt !== null && !step.whenStopped) return;
      if (!(await supersede(tx, runtime, row, now))) continue;
      await startNewClock(tx, runtime, incident, kind, row.cycle + 1, now, step.rule(row));
      return;
    }
    const serviceId = incident.service?.id ?? null;
    const policy = runtime.policy(incident.priority, serviceId);
    // A priority change moves a live clock to the new policy's calendar; a stopped one keeps its history.
    const retargeted = row.stoppedAt === null && incident.priority !== row.priority;
    const calendarId = retargeted ? runtime.calendarIdFor(policy, kind, serviceId) : row.calendarId;
    const calendar = runtime.calendar(calendarId);
    const before = toState(row);
    const after = step.apply(before, { calendar, now });
    if (after === before && calendarId === row.calendarId) return;
    // A retargeted clock now answers to the new policy (its target text, modes and escalation); any other
    // step keeps the snapshot and only notes its rule.
    const rule = step.rule?.(row);
    const snapshot =
      rule === undefined
        ? undefined
        : retargeted
          ? policySnapshot(policy, kind, rule)
          : { ...readPolicySnapshot(row), rule };
    const { count } = await tx.slaClock.updateMany({
      where: { id: row.id, version: row.version },
      data: {
        ...stateColumns(calendar, after, now),
        calendarId,
        priority: retargeted ? incident.priority : row.priority,
        ...(snapshot === undefined ? {} : { policy: JSON.stringify(snapshot) }),
        version: { increment: 1 },
      },
    });
    if (count === 1) return;
  }
  throw new Error(`SLA clock ${kind} of incident ${incident.id} kept changing under the update`);
}

/**
 * The clock a new cycle replaces stops now (if it had not), judged against its own due time. False when the
 * sweep changed the row meanwhile: the caller reads it again.
 */
async function supersede(tx: Tx, runtime: SlaRuntime, row: SlaClockRow, now: number): Promise<boolean> {
  if (row.stoppedAt !== null) return true;
  const calendar = runtime.calendar(row.calendarId);
  const stopped = stopClock(calendar, toState(row), now, "superseded");
  const { count } = await tx.slaClock.updateMany({
    where: { id: row.id, version: row.version },
    data: { ...stateColumns(calendar, stopped, now), version: { increment: 1 } },
  });
  return count === 1;
}
