/**
 * How risky and how far-reaching a planned piece of work is (ITIL change enablement: risk and impact
 * assessment). Shared by practices that plan work in windows (changes, releases) and by the config that
 * names approval rules per level.
 */
export const changeRisks = ["low", "medium", "high"] as const;
export type ChangeRisk = (typeof changeRisks)[number];

export const changeImpacts = ["low", "medium", "high"] as const;
export type ChangeImpact = (typeof changeImpacts)[number];
