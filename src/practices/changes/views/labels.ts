import type { ChangeImpact, ChangeRisk, ChangeStatus, ChangeType, ClosureCode } from "../model.js";

export const changeTypeLabels: Readonly<Record<ChangeType, string>> = {
  normal: "Normal (assessed, then approved by the CAB)",
  standard: "Standard (pre-approved template)",
  emergency: "Emergency (approved by the emergency CAB)",
};

export const changeTypeShort: Readonly<Record<ChangeType, string>> = {
  normal: "Normal",
  standard: "Standard",
  emergency: "Emergency",
};

export const changeRiskLabels: Readonly<Record<ChangeRisk, string>> = {
  low: "Low",
  medium: "Medium",
  high: "High",
};

export const changeImpactLabels: Readonly<Record<ChangeImpact, string>> = {
  low: "Low",
  medium: "Medium",
  high: "High",
};

export const changeStatusLabels: Readonly<Record<ChangeStatus, string>> = {
  new: "New",
  assess: "Assess",
  authorize: "Awaiting approval",
  scheduled: "Scheduled",
  implement: "Implementing",
  review: "Review",
  closed: "Closed",
  cancelled: "Cancelled",
  rejected: "Rejected",
};

export const closureCodeLabels: Readonly<Record<ClosureCode, string>> = {
  successful: "Successful",
  rolled_back: "Rolled back",
  caused_incident: "Caused an incident",
  overran: "Overran the window",
};
