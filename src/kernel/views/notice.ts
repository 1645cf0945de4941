import type { OpsDeskError } from "../errors.js";

export type NoticeTone = "info" | "success" | "error";

/** A message for one person only (Slack ephemeral, Discord ephemeral reply, a console toast). */
export interface Notice {
  readonly type: "notice";
  readonly tone: NoticeTone;
  readonly text: string;
}

export function notice(tone: NoticeTone, text: string): Notice {
  return { type: "notice", tone, text };
}

export function errorNotice(error: OpsDeskError): Notice {
  return notice("error", error.userMessage);
}
