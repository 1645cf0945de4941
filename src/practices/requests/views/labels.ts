import type { RequestStatus, TaskStatus } from "../model.js";

export const requestStatusLabels: Readonly<Record<RequestStatus, string>> = {
  awaiting_approval: "Awaiting approval",
  awaiting_info: "Waiting for the requester's answer",
  in_fulfilment: "In fulfilment",
  fulfilled: "Fulfilled",
  rejected: "Rejected",
  cancelled: "Cancelled",
};

export const taskStatusLabels: Readonly<Record<TaskStatus, string>> = {
  waiting: "Waiting for the previous task",
  open: "Open",
  taken: "Taken",
  done: "Done",
  blocked: "Blocked",
};
