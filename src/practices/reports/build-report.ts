import type { Db } from "../../db/client.js";
import { NotFoundError } from "../../kernel/errors.js";
import type { ReportCommand } from "./command.js";
import { ageCounts, backlogReport } from "./figures/backlog.js";
import { changeFigures, changesReport } from "./figures/changes.js";
import { incidentsReport } from "./figures/incidents.js";
import type { ReportOutput } from "./figures/report.js";
import { slaReport } from "./figures/sla.js";
import { reportWindow } from "./period.js";
import { changesClosed, changesRequested, openChanges } from "./sources/changes.js";
import { incidentTallies } from "./sources/incident-tallies.js";
import { openIncidents } from "./sources/incidents.js";
import { changesThatCausedIncidents } from "./sources/links.js";
import { slaTallies } from "./sources/sla-tallies.js";

export type ReportKind = Exclude<ReportCommand["subcommand"], "help">;
export const reportKinds: readonly ReportKind[] = ["sla", "incidents", "changes", "backlog"];

export interface ReportQuery {
  readonly kind: ReportKind;
  readonly period?: "7d" | "30d" | "90d";
  readonly service?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export interface ReportContext {
  readonly db: Db;
  readonly now: Date;
  /** The desk's time zone: days and weeks are the desk's. */
  readonly timezone: string;
  readonly serviceIds: ReadonlySet<string>;
}

/** Reads what one report needs and computes its figures and charts (nothing is drawn or sent here). */
export async function buildReport(ctx: ReportContext, query: ReportQuery): Promise<ReportOutput> {
  const { db, now } = ctx;
  const service = query.service;
  if (service !== undefined && !ctx.serviceIds.has(service))
    throw new NotFoundError(
      `There is no service "${service}" in opsdesk.yaml; /report ${query.kind} without one covers every service.`,
    );
  const scope = service ? `, service ${service}` : "";
  if (query.kind === "backlog") {
    const [incidents, changes] = await Promise.all([openIncidents(db, service), openChanges(db, service)]);
    return backlogReport(`Backlog now${scope}`, [
      {
        name: "Incidents",
        counts: ageCounts(
          incidents.map((row) => row.createdAt),
          now,
        ),
      },
      {
        name: "Changes",
        counts: ageCounts(
          changes.map((row) => row.createdAt),
          now,
        ),
      },
    ]);
  }
  const window = reportWindow(
    { period: query.period ?? "30d", from: query.from, to: query.to },
    now,
    ctx.timezone,
  );
  switch (query.kind) {
    case "incidents": {
      const figures = await incidentTallies(db, window, service);
      return incidentsReport(`Incidents, ${window.label}${scope}`, figures, window);
    }
    case "sla": {
      const figures = await slaTallies(db, window, service, now);
      return slaReport(`SLA compliance, ${window.label}${scope}`, figures, window);
    }
    case "changes": {
      const [requested, closed] = await Promise.all([
        changesRequested(db, window, service),
        changesClosed(db, window, service),
      ]);
      const caused = await changesThatCausedIncidents(
        db,
        closed.map((row) => row.number),
      );
      return changesReport(
        `Changes, ${window.label}${scope}`,
        changeFigures(requested, closed, caused, window),
        window,
      );
    }
  }
}
