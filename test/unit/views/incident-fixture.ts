import type { IncidentSnapshot } from "../../../src/practices/incidents/model.js";

export function anIncident(overrides: Partial<IncidentSnapshot> = {}): IncidentSnapshot {
  return {
    id: 70,
    number: 7,
    ref: "INC-7",
    title: "Payments API down",
    description: "Checkout fails with 502 since 09:00.",
    impact: "high",
    urgency: "medium",
    priority: "P2",
    status: "in_progress",
    holdReason: null,
    service: { id: "payments-api", name: "Payments API" },
    category: "application",
    reporter: { id: "p-1", displayName: "Riley Reporter" },
    assignee: { id: "p-2", displayName: "Alex Agent" },
    assignedGroup: { id: "g-1", name: "Payments team" },
    major: false,
    resolutionCode: null,
    resolutionNote: null,
    createdAt: new Date("2025-03-04T09:05:00Z"),
    updatedAt: new Date("2025-03-04T09:30:00Z"),
    acknowledgedAt: new Date("2025-03-04T09:10:00Z"),
    resolvedAt: null,
    closedAt: null,
    version: 3,
    ...overrides,
  };
}
