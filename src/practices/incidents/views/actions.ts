import type { ActionStyle } from "../../../kernel/views/card.js";
import { incidentActionTable } from "../action-table.js";
import type { IncidentAction } from "../model.js";

export interface IncidentActionPresentation {
  readonly label: string;
  readonly style: ActionStyle;
  /** The `/incident` subcommand the action runs; its text equivalent. */
  readonly subcommand: string;
  /** Set when the action needs input first: the form with the subcommand's remaining arguments. */
  readonly form?: string;
  readonly confirm?: string;
}

/**
 * How each incident action appears as a button, read from the one action table (action-table.ts): the
 * form's id is the subcommand's, `incident.<subcommand>`.
 */
export const incidentActionPresentation = Object.fromEntries(
  Object.entries(incidentActionTable).map(([action, entry]) => [
    action,
    {
      label: entry.label,
      style: entry.style,
      subcommand: entry.subcommand,
      ...("form" in entry ? { form: `incident.${entry.subcommand}` } : {}),
      ...("confirm" in entry ? { confirm: entry.confirm } : {}),
    },
  ]),
) as Readonly<Record<IncidentAction, IncidentActionPresentation>>;

const actionIdPrefix = "incident.";

export function incidentActionId(action: IncidentAction): string {
  return `${actionIdPrefix}${action}`;
}

export function incidentActionFromId(id: string): IncidentAction | undefined {
  if (!id.startsWith(actionIdPrefix)) return undefined;
  const action = id.slice(actionIdPrefix.length);
  return Object.hasOwn(incidentActionPresentation, action) ? (action as IncidentAction) : undefined;
}
