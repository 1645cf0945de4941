import { defineRegistry } from "../../kernel/commands/command-spec.js";
import { helpText } from "../../kernel/commands/help-text.js";
import type { Actor } from "../../kernel/people/actor.js";
import { readTimeline } from "../../kernel/tickets/timeline-read.js";
import { privateNotice, type Reply } from "../../kernel/views/reply.js";
import { addCi } from "./add-ci.js";
import { attachTicket } from "./attach-ticket.js";
import { type CmdbCommand, cmdbCommand } from "./command.js";
import type { CmdbContext } from "./context.js";
import { requireCi, toCiSnapshot } from "./find-ci.js";
import { impactLine, impactOf } from "./impact.js";
import { CI_PREFIX, typeLabel } from "./model.js";
import { ticketsOn } from "./open-tickets.js";
import {
  decideRelationship,
  relateCis,
  relationshipsOf,
  relationshipText,
  unrelateCis,
} from "./relationships.js";
import { retireCi } from "./retire-ci.js";
import { CI_TIMELINE } from "./timeline.js";
import { ciCard } from "./views/ci-card.js";
import { ciList } from "./views/ci-list.js";
import { impactCard } from "./views/impact-view.js";

/** The last changes a CI's card shows; the rest stay on its timeline. */
const historyShown = 5;

/** Runs one `/cmdb` command however it arrived (typed, Discord options, a button), platform-neutral. */
export async function runCmdbCommand(ctx: CmdbContext, actor: Actor, command: CmdbCommand): Promise<Reply> {
  switch (command.subcommand) {
    case "help":
      return privateNotice("info", helpText(defineRegistry([cmdbCommand]), "cmdb"));
    case "show":
      return { kind: "view", view: await showCi(ctx, command.args.ci) };
    case "impact": {
      const ci = await requireCi(ctx.db, command.args.ci);
      return { kind: "view", view: impactCard(await impactOf(ctx.db, ci)) };
    }
    case "list": {
      const type = command.args.type
        ?.trim()
        .toLowerCase()
        .replaceAll(/[\s-]+/g, "_");
      const rows = await ctx.db.configItem.findMany({
        where: { status: { not: "retired" }, ...(type ? { type } : {}) },
        orderBy: { key: "asc" },
        take: 50,
      });
      const title = type ? `Configuration items: ${typeLabel(type)}` : "Configuration items";
      return { kind: "view", view: ciList(title, rows.map(toCiSnapshot)) };
    }
    case "add": {
      const ci = await addCi(ctx, actor, { key: command.args.ci, ...command.args });
      return privateNotice("success", `${ci.key} (${typeLabel(ci.type)}) is added to the CMDB.`);
    }
    case "relate": {
      const request = { from: command.args.ci, type: command.args.relationship, to: command.args.to };
      const outcome = await relateCis(ctx, actor, request);
      const text = relationshipText(outcome.from.key, outcome.type, outcome.to.key);
      if (outcome.pendingId === undefined) return privateNotice("success", `Recorded: ${text}.`);
      return privateNotice(
        "success",
        `CIR-${outcome.pendingId} (${text}) waits for ${outcome.from.ownerGroupId}, which owns ${outcome.from.key}: they are asked to confirm it.`,
      );
    }
    case "unrelate": {
      const request = { from: command.args.ci, type: command.args.relationship, to: command.args.to };
      const outcome = await unrelateCis(ctx, actor, request);
      return privateNotice(
        "success",
        `Removed: ${relationshipText(outcome.from.key, outcome.type, outcome.to.key)}.`,
      );
    }
    case "retire": {
      const ci = await retireCi(ctx, actor, command.args.ci);
      return privateNotice("success", `${ci.key} is retired.`);
    }
    case "attach": {
      const { ci, ticket } = await attachTicket(ctx, actor, command.args);
      return privateNotice(
        "success",
        `${ticket.label} affects ${ci.key}: ${impactLine(await impactOf(ctx.db, ci))}.`,
      );
    }
    case "confirm":
    case "reject": {
      const { text } = await decideRelationship(ctx, actor, command.args.request, command.subcommand);
      const verb = command.subcommand === "confirm" ? "Confirmed" : "Rejected";
      return privateNotice("success", `${verb} CIR-${command.args.request}: ${text}.`);
    }
  }
}

async function showCi(ctx: CmdbContext, key: string) {
  const ci = await requireCi(ctx.db, key);
  const [{ outgoing, incoming }, tickets, tree, timeline, assets] = await Promise.all([
    relationshipsOf(ctx.db, ci.id),
    ticketsOn(ctx.db, ctx.tickets, ci.key),
    impactOf(ctx.db, ci),
    readTimeline(ctx.db, CI_TIMELINE, ci.id, { includeInternal: true }),
    ctx.tickets.pointingAt(ctx.db, { kind: CI_PREFIX, key: ci.key }),
  ]);
  const related = [
    ...outgoing.map((r) => ({ type: r.type, status: r.status, direction: "out" as const, other: r.to })),
    ...incoming.map((r) => ({ type: r.type, status: r.status, direction: "in" as const, other: r.from })),
  ];
  return ciCard(ci, {
    related,
    tickets,
    impact: impactLine(tree),
    assets,
    history: timeline.slice(-historyShown).reverse(),
  });
}
