import type { StandardChangeTemplate } from "../../config/change-settings.js";
import { type Tx, transactionOptions } from "../../db/client.js";
import { NotFoundError, ValidationError } from "../../kernel/errors.js";
import type { Actor } from "../../kernel/people/actor.js";
import { timezoneOf } from "../../kernel/people/person-timezone.js";
import { nextTicketNumber } from "../../kernel/tickets/next-number.js";
import { appendTimeline } from "../../kernel/tickets/timeline-append.js";
import { validate } from "../../kernel/validate.js";
import { conflictsFor } from "./conflict-check.js";
import type { Conflict } from "./conflicts.js";
import { type ChangeContext, runChangeHooks } from "./context.js";
import { type CreateChangeInput, createChangeSchema, type ValidCreateChange } from "./inputs.js";
import { CHANGE_PREFIX, type ChangeSnapshot } from "./model.js";
import { assertMayRequestChanges } from "./permissions.js";
import { checkPlannedWindow, parseLocalDateTime } from "./planned-window.js";
import { assertServicesExist } from "./services-check.js";
import { changeInclude, toChangeSnapshot } from "./snapshot.js";

export interface CreatedChange {
  change: ChangeSnapshot;
  conflicts: Conflict[];
  /** The zone the requester's dates were read in, for showing them back. */
  timezone: string;
}

/**
 * Raises a request for change: validates the input (a standard change takes its content from its
 * template), reads the window in the requester's time zone, checks services and people, finds conflicts,
 * takes the next CHG number and records the creation, all in one transaction: nothing half-written.
 */
export async function createChange(
  ctx: ChangeContext,
  actor: Actor,
  input: CreateChangeInput,
): Promise<CreatedChange> {
  assertMayRequestChanges(actor);
  const data = validate(createChangeSchema, input);
  const template = data.type === "standard" ? findTemplate(ctx, data.templateId ?? "") : undefined;
  const timezone = await timezoneOf(ctx.db, actor.person.id, ctx.timezone);
  const now = ctx.clock.now();
  const start = parseLocalDateTime(data.start, timezone, "The planned start");
  const end = data.end
    ? parseLocalDateTime(data.end, timezone, "The planned end")
    : new Date(start.getTime() + (template?.durationMinutes ?? 60) * 60_000);
  checkPlannedWindow({ start, end }, now, timezone);
  const serviceIds = [...new Set([...(template?.services ?? []), ...data.serviceIds])];

  const created = await ctx.db.$transaction(async (tx) => {
    await assertServicesExist(tx, serviceIds);
    if (data.assigneeId) await assertPersonExists(tx, data.assigneeId);
    const conflicts = await conflictsFor(ctx, tx, { plannedStart: start, plannedEnd: end, serviceIds });
    const number = await nextTicketNumber(tx, CHANGE_PREFIX);
    const content = contentOf(data, template);
    const row = await tx.change.create({
      data: {
        number,
        ...content,
        type: data.type,
        templateId: template?.id ?? null,
        status: "new",
        plannedStart: start,
        plannedEnd: end,
        requesterId: actor.person.id,
        assigneeId: data.assigneeId ?? null,
        createdAt: now,
        updatedAt: now,
        services: { create: serviceIds.map((serviceId) => ({ serviceId })) },
      },
      include: changeInclude,
    });
    const change = toChangeSnapshot(row);
    await appendTimeline(tx, {
      ticketKind: "change",
      ticketId: row.id,
      at: now,
      actorId: actor.person.id,
      kind: "created",
      after: {
        title: change.title,
        type: change.type,
        risk: change.risk,
        plannedStart: start.toISOString(),
        plannedEnd: end.toISOString(),
        services: serviceIds,
        conflicts: conflicts.map((conflict) => conflict.kind),
      },
    });
    await runChangeHooks(ctx, tx, { kind: "created", change, previous: null, actor, conflicts });
    return { change, conflicts, timezone };
  }, transactionOptions);
  ctx.onCommitted?.();
  return created;
}

function findTemplate(ctx: ChangeContext, id: string): StandardChangeTemplate {
  const template = ctx.settings.templates.find((candidate) => candidate.id === id);
  if (template) return template;
  const known = ctx.settings.templates.map((candidate) => candidate.id);
  throw new NotFoundError(
    `There is no standard change template "${id}". ` +
      (known.length ? `Templates: ${known.join(", ")}.` : "No templates are configured in opsdesk.yaml."),
  );
}

function contentOf(data: ValidCreateChange, template: StandardChangeTemplate | undefined) {
  return {
    title: data.title || template?.title || "",
    description: data.description || template?.description || "",
    risk: data.risk ?? template?.risk ?? "medium",
    impact: data.impact ?? template?.impact ?? "medium",
    implementationPlan: data.implementationPlan || template?.implementationPlan || "",
    backoutPlan: data.backoutPlan || template?.backoutPlan || "",
    testPlan: data.testPlan || template?.testPlan || "",
  };
}

async function assertPersonExists(tx: Tx, personId: string): Promise<void> {
  const person = await tx.person.findUnique({ where: { id: personId } });
  if (!person) {
    throw new ValidationError("OpsDesk does not know the assignee yet; they need to use OpsDesk once first.");
  }
}
