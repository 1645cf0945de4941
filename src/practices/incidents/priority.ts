import type { Impact, Priority, Urgency } from "./model.js";

/** Impact × urgency → priority, as declared in opsdesk.yaml. */
export type PriorityMatrix = Readonly<Record<Impact, Readonly<Record<Urgency, Priority>>>>;

/** The ITIL 3×3 matrix OpsDesk uses unless the config says otherwise. */
export const itilPriorityMatrix: PriorityMatrix = {
  high: { high: "P1", medium: "P2", low: "P3" },
  medium: { high: "P2", medium: "P3", low: "P4" },
  low: { high: "P3", medium: "P4", low: "P5" },
};

export function priorityFor(matrix: PriorityMatrix, impact: Impact, urgency: Urgency): Priority {
  return matrix[impact][urgency];
}
