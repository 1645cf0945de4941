import type { ApprovalRule } from "../../config/change-settings.js";
import type { ChangeType } from "./model.js";

export { type ApproverGroup, loadApprovers } from "../../kernel/approvals/approvers.js";
/** The rule that applies to a type; standard changes are pre-approved and never ask. */
export function approvalRuleFor(
  rules: { normal: ApprovalRule; emergency: ApprovalRule },
  type: ChangeType,
): ApprovalRule {
  return type === "emergency" ? rules.emergency : rules.normal;
}
