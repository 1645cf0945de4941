import type { ReleaseStatus } from "../model.js";

export const releaseStatusLabels: Record<ReleaseStatus, string> = {
  draft: "Draft",
  planned: "Planned",
  go_no_go: "Go/no-go",
  no_go: "No-go",
  deploying: "Deploying",
  deployed: "Deployed",
  reviewed: "Reviewed",
  closed: "Closed",
  cancelled: "Cancelled",
};
