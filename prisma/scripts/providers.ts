/** The database providers OpsDesk ships a schema, a generated client and a migration history for. */
export const providers = ["sqlite", "postgresql"] as const;
export type ProviderName = (typeof providers)[number];
