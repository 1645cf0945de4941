import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "../../../http/server.js";
import type { AnyArgSpec } from "../../../kernel/commands/argument.js";
import { type CompletionValue, completeCommandLine } from "../../../kernel/commands/complete-line.js";
import { CHANGE_PREFIX } from "../../../practices/changes/model.js";
import { INCIDENT_PREFIX } from "../../../practices/incidents/model.js";
import { commandRegistry } from "../../../practices/registry.js";
import type { ConsoleDeps } from "../deps.js";
import { queryOf } from "../http/respond.js";
import { consolePeople } from "../workspace.js";

const openIncidents = ["new", "in_progress", "on_hold"];
const finishedChanges = ["closed", "cancelled", "rejected"];

/**
 * `GET /console/api/complete?text=/incident%20ack%20`: ways to continue the line, from the registry, with
 * open incidents, services and people where an argument names one.
 */
export async function handleComplete(deps: ConsoleDeps, req: IncomingMessage, res: ServerResponse) {
  const text = (queryOf(req).get("text") ?? "").slice(0, 500);
  const dynamic = await dynamicValues(deps);
  const suggestions = completeCommandLine(commandRegistry, text, (arg, typed) => pick(dynamic, arg, typed));
  sendJson(res, 200, { suggestions });
}

interface DynamicValues {
  incidents: CompletionValue[];
  changes: CompletionValue[];
  services: CompletionValue[];
  people: CompletionValue[];
}

async function dynamicValues(deps: ConsoleDeps): Promise<DynamicValues> {
  const [incidents, changes, services] = await deps.incidents.db.$transaction(async (tx) => [
    await tx.incident.findMany({
      where: { status: { in: openIncidents } },
      orderBy: { number: "desc" },
      take: 50,
      select: { number: true, title: true },
    }),
    await tx.change.findMany({
      where: { status: { notIn: finishedChanges } },
      orderBy: { number: "desc" },
      take: 50,
      select: { number: true, title: true },
    }),
    await tx.service.findMany({
      where: { active: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return {
    incidents: incidents.map((i) => ({ value: `${INCIDENT_PREFIX}-${i.number}`, label: i.title })),
    changes: changes.map((c) => ({ value: `${CHANGE_PREFIX}-${c.number}`, label: c.title })),
    services: services.map((s) => ({ value: s.id, label: s.name })),
    people: consolePeople(deps.config).map((p) => ({ value: p.id, label: p.name })),
  };
}

function pick(values: DynamicValues, arg: AnyArgSpec, typed: string): CompletionValue[] {
  const lower = typed.toLowerCase();
  // A ticket argument's placeholder names its kind: <INC-n> or <CHG-n>.
  const list =
    arg.kind === "ticket"
      ? arg.placeholder.startsWith(`<${CHANGE_PREFIX}-`)
        ? values.changes
        : values.incidents
      : arg.kind === "service"
        ? values.services
        : arg.kind === "person"
          ? values.people
          : [];
  return list.filter((v) => v.value.toLowerCase().startsWith(lower) || v.label.toLowerCase().includes(lower));
}
