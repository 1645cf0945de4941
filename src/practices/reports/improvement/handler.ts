import { DateTime } from "luxon";
import { defineRegistry } from "../../../kernel/commands/command-spec.js";
import { helpText } from "../../../kernel/commands/help-text.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../kernel/errors.js";
import { isAgent } from "../../../kernel/people/actor.js";
import type { PracticeRequest } from "../../../kernel/practice.js";
import { nextTicketNumber } from "../../../kernel/tickets/next-number.js";
import { privateNotice, type Reply } from "../../../kernel/views/reply.js";
import { formatValue } from "../charts/describe.js";
import type { ReportsContext } from "../context.js";
import { IMPROVEMENT_PREFIX, type ImproveCommand, improveCommand } from "./command.js";
import { improvementMetrics, measure } from "./metrics.js";
import { findImprovement, improvementRef, listImprovements } from "./store.js";
import { improvementCard, improvementList } from "./views.js";

/** `/improve`: record an improvement with its baseline measured now, list them, show one. */
export async function runImproveCommand(
  ctx: ReportsContext,
  request: PracticeRequest,
  command: ImproveCommand,
): Promise<Reply> {
  switch (command.subcommand) {
    case "help":
      return privateNotice("info", helpText(defineRegistry([improveCommand]), "improve"));
    case "list":
      return { kind: "view", view: improvementList(await listImprovements(ctx.db), ctx.timezone) };
    case "show":
      return {
        kind: "view",
        view: improvementCard(await findImprovement(ctx.db, command.args.ref), ctx.timezone),
      };
    case "new": {
      if (!isAgent(request.actor))
        throw new ForbiddenError(
          "Only agents record improvements; ask someone in an agent group in opsdesk.yaml.",
        );
      const { title, metric, service, why } = command.args;
      const target = Number(command.args.target);
      if (command.args.target.trim() === "" || !Number.isFinite(target))
        throw new ValidationError(
          `target: must be a number, e.g. 4 or 95 (in ${improvementMetrics[metric].unit || "a count"}).`,
        );
      if (service !== undefined && !ctx.serviceIds.has(service))
        throw new NotFoundError(`There is no service "${service}" in opsdesk.yaml.`);
      const now = ctx.clock.now();
      const reviewDay = /^\d{4}-\d{2}-\d{2}$/.test(command.args.review)
        ? DateTime.fromISO(command.args.review, { zone: ctx.timezone })
        : undefined;
      if (!reviewDay?.isValid)
        throw new ValidationError("review: must be a date written YYYY-MM-DD, e.g. 2027-01-15.");
      if (reviewDay < DateTime.fromJSDate(now, { zone: ctx.timezone }).startOf("day"))
        throw new ValidationError("review: must be today or later.");
      const baseline = await measure(ctx.db, metric, { now, timezone: ctx.timezone }, service);
      const number = await ctx.db.$transaction(async (tx) => {
        const next = await nextTicketNumber(tx, IMPROVEMENT_PREFIX);
        await tx.improvement.create({
          data: {
            number: next,
            title,
            why: why ?? "",
            metric,
            serviceId: service ?? null,
            baseline,
            target,
            reviewOn: reviewDay.toJSDate(),
            ownerId: request.actor.person.id,
            createdAt: now,
          },
        });
        return next;
      });
      const { label, unit } = improvementMetrics[metric];
      return privateNotice(
        "success",
        `${improvementRef(number)} is recorded: ${label} from ${formatValue(baseline, unit)} (the last 30 days) to ${formatValue(target, unit)}, reviewed on ${command.args.review}.`,
      );
    }
  }
}
