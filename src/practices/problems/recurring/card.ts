import type { Card } from "../../../kernel/views/card.js";

export const OPEN_PROBLEM = "problem.recurring_open";
export const DISMISS = "problem.recurring_dismiss";
export const CLUSTER_PREFIX = "RC";

export interface ClusterView {
  readonly id: number;
  readonly serviceName: string;
  readonly days: number;
  readonly incidents: readonly { readonly label: string; readonly title: string }[];
  readonly status: "posted" | "opened" | "dismissed";
  /** Who answered it and how: `Opened PRB-4 (Ada Agent)`. */
  readonly outcome?: string;
}

/** "3 incidents on Payments API in 7 days look alike: INC-3, INC-5, INC-9", with Open problem and Dismiss. */
export function clusterCard(view: ClusterView): Card {
  const ref = `${CLUSTER_PREFIX}-${view.id}`;
  const labels = view.incidents.map((incident) => incident.label).join(", ");
  return {
    type: "card",
    title: `${ref} · ${view.incidents.length} incidents on ${view.serviceName} in ${view.days} days look alike: ${labels}`,
    subtitle: "Recurring incidents",
    fields: [
      { label: "Incidents", value: view.incidents.map((i) => `${i.label} · ${i.title}`).join("\n") },
      ...(view.outcome ? [{ label: "Outcome", value: view.outcome }] : []),
    ],
    actions:
      view.status === "posted"
        ? [
            { id: OPEN_PROBLEM, label: "Open problem", style: "primary", value: ref },
            { id: DISMISS, label: "Dismiss", style: "default", value: ref },
          ]
        : [],
    links: [],
  };
}
