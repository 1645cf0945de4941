import * as z from "zod";
import { configDuration } from "./changes-schema.js";
import type { ConfigProblem } from "./config-problems.js";
import { displayName, slug } from "./formats.js";
import { expectedMessage, expecting } from "./messages.js";
import { unknownReferenceMessage } from "./references.js";

/**
 * The `continuity:` section of opsdesk.yaml: one IT service continuity plan per business service (ITIL 4
 * service continuity management): how fast it must be back (RTO), how much data may be lost (RPO), how long
 * the business can bear the outage (MTD), the ordered recovery steps with the group that owns each, the
 * contacts, and how often the plan is drilled.
 */
function mapping<Shape extends z.ZodRawShape>(shape: Shape, what: string) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? undefined : expectedMessage(what, issue.input)),
  });
}

const step = mapping(
  { title: displayName, owner: slug },
  "a recovery step like { title: Fail over the database, owner: dba }",
);

const plan = mapping(
  {
    service: slug,
    rto: configDuration,
    rpo: configDuration,
    mtd: configDuration,
    // Steps must be done in the order written (the default), or in any order.
    ordered: z.boolean(expecting("true or false")).default(true),
    steps: z
      .array(step, expecting("a list of recovery steps"))
      .min(1, expecting("at least one recovery step")),
    contacts: z
      .array(z.string(expecting("a contact line")), expecting("a list of contact lines"))
      .default([]),
  },
  "a continuity plan with service, rto, rpo, mtd and steps",
);

export const continuitySection = mapping(
  {
    plans: z.array(plan, expecting("a list of continuity plans")).default([]),
    drillEvery: configDuration.default(90 * 24 * 60),
    // How often the checklist's countdown is redrawn; Slack allows about one chat.update per second per
    // channel and Discord five edits per five seconds, so once a minute stays far inside both.
    refreshEvery: configDuration.default(1),
  },
  "continuity settings like { plans: [ … ], drillEvery: 90d }",
);

export type ContinuityFileSection = z.output<typeof continuitySection>;

export interface ContinuityStepPlan {
  readonly title: string;
  readonly ownerGroupId: string;
}

export interface ContinuityPlan {
  readonly serviceId: string;
  readonly rtoMinutes: number;
  readonly rpoMinutes: number;
  readonly mtdMinutes: number;
  readonly ordered: boolean;
  readonly steps: readonly ContinuityStepPlan[];
  readonly contacts: readonly string[];
}

export interface ContinuitySettings {
  readonly plans: readonly ContinuityPlan[];
  readonly drillEveryMinutes: number;
  readonly refreshEveryMinutes: number;
}

export function defaultContinuitySettings(): ContinuitySettings {
  return { plans: [], drillEveryMinutes: 90 * 24 * 60, refreshEveryMinutes: 1 };
}

/** Plans name declared services and groups, one plan per service, and an RTO no longer than the MTD. */
export function resolveContinuity(
  declared: ContinuityFileSection,
  known: { serviceIds: readonly string[] | undefined; groupIds: readonly string[] | undefined },
  problems: ConfigProblem[],
): ContinuitySettings {
  const seen = new Map<string, number>();
  declared.plans.forEach((plan, index) => {
    const path = ["continuity", "plans", index];
    if (known.serviceIds && !known.serviceIds.includes(plan.service)) {
      problems.push({
        path: [...path, "service"],
        message: unknownReferenceMessage("service", "services", plan.service, known.serviceIds),
      });
    }
    const first = seen.get(plan.service);
    if (first !== undefined) {
      problems.push({
        path: [...path, "service"],
        message: `"${plan.service}" already has a plan in continuity.plans[${first}]; write one plan per service`,
      });
    } else seen.set(plan.service, index);
    if (plan.rto > plan.mtd) {
      problems.push({
        path: [...path, "rto"],
        message: "the recovery time objective must not be longer than the maximum tolerable downtime (mtd)",
      });
    }
    plan.steps.forEach((s, stepIndex) => {
      if (known.groupIds && !known.groupIds.includes(s.owner)) {
        problems.push({
          path: [...path, "steps", stepIndex, "owner"],
          message: unknownReferenceMessage("group", "groups", s.owner, known.groupIds),
        });
      }
    });
  });
  return {
    plans: declared.plans.map((plan) => ({
      serviceId: plan.service,
      rtoMinutes: plan.rto,
      rpoMinutes: plan.rpo,
      mtdMinutes: plan.mtd,
      ordered: plan.ordered,
      steps: plan.steps.map((s) => ({ title: s.title, ownerGroupId: s.owner })),
      contacts: plan.contacts,
    })),
    drillEveryMinutes: declared.drillEvery,
    refreshEveryMinutes: Math.max(1, declared.refreshEvery),
  };
}
