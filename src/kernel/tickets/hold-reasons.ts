/**
 * Why work on a ticket is waiting (ITIL: pending states of incidents and requests). SLA policies decide
 * which of these pause the clocks.
 */
export const holdReasons = ["awaiting_caller", "awaiting_vendor", "awaiting_change"] as const;
export type HoldReason = (typeof holdReasons)[number];
