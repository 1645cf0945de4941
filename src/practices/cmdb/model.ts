/**
 * The vocabulary of service configuration management (ITIL 4): configuration items, their types, statuses
 * and relationships. Values are stored as strings; these lists are the only source of what is allowed
 * (types may be extended in opsdesk.yaml under `cmdb.types`).
 */

/** The prefix other practices use to name a CI through the ticket directory: `{ kind: "CI", key }`. */
export const CI_PREFIX = "CI";

export const builtInCiTypes = [
  "business_service",
  "application",
  "service",
  "database",
  "server",
  "network_device",
  "cloud_resource",
  "api",
] as const;

export const ciStatuses = ["planned", "operational", "maintenance", "retired"] as const;
export type CiStatus = (typeof ciStatuses)[number];

export const ciStatusLabels: Record<CiStatus, string> = {
  planned: "Planned",
  operational: "Operational",
  maintenance: "Under maintenance",
  retired: "Retired",
};

/** How relationships are typed in commands (`/cmdb relate a depends-on b`). */
export const relationshipTypes = ["depends-on", "runs-on", "connects-to"] as const;
export type RelationshipType = (typeof relationshipTypes)[number];

/** Each type read from both ends: payments-api depends on payments-db; payments-db is used by payments-api. */
export const relationshipLabels: Record<RelationshipType, { readonly out: string; readonly in: string }> = {
  "depends-on": { out: "Depends on", in: "Used by" },
  "runs-on": { out: "Runs on", in: "Hosts" },
  "connects-to": { out: "Connects to", in: "Connected from" },
};

/**
 * Relationships along which a failure travels to what stands on the item: what depends on it and what runs
 * on it. `connects-to` is a network path between peers and is not followed (following it both ways would
 * make everything on a network impacted by everything else).
 */
export const impactTypes: readonly RelationshipType[] = ["depends-on", "runs-on"];

export type RelationshipStatus = "confirmed" | "pending";
export type CiSource = "config" | "backstage" | "chat";

export const ciLimits = {
  keyMax: 64,
  nameMax: 120,
  descriptionMax: 1000,
  environmentMax: 40,
} as const;

/** Keys are slugs, as service ids and Backstage entity names are. */
export const ciKeyPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** `business_service` → `business service`. */
export function typeLabel(type: string): string {
  return type.replaceAll("_", " ");
}

export interface CiSnapshot {
  readonly id: number;
  readonly key: string;
  readonly name: string;
  readonly type: string;
  readonly status: CiStatus;
  readonly environment: string;
  readonly ownerGroupId: string | null;
  readonly description: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly source: CiSource;
  readonly serviceId: string | null;
  readonly updatedAt: Date;
  readonly version: number;
}
