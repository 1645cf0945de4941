/**
 * ITIL priority: impact (how widely it hurts the business) × urgency (how soon it must be fixed). Shared by
 * every practice that ranks work (incidents, problems, requests), so it lives in the kernel.
 */
export const impacts = ["high", "medium", "low"] as const;
export type Impact = (typeof impacts)[number];

export const urgencies = ["high", "medium", "low"] as const;
export type Urgency = (typeof urgencies)[number];

export const priorities = ["P1", "P2", "P3", "P4", "P5"] as const;
export type Priority = (typeof priorities)[number];

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
