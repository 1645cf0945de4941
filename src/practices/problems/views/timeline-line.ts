import { type PostText, postText } from "../../../kernel/views/post-text.js";
import type { ProblemChange } from "../context.js";
import { priorityLabels } from "./labels.js";

/**
 * The one-line story of a change, posted in the card's thread so the channel reads as a timeline. Names,
 * notes and causes are people's words: postText carries them as user text, never markup.
 */
export function problemTimelineLine(change: ProblemChange): PostText | undefined {
  const who = change.actor.person.displayName;
  const { problem } = change;
  const body = change.body ?? "";
  switch (change.kind) {
    case "created":
      return postText`${who} raised ${problem.ref} (${priorityLabels[problem.priority]}).`;
    case "assessed":
      return postText`${who} is assessing ${problem.ref}.`;
    case "analysis_started":
      return postText`${who} started the root cause analysis of ${problem.ref}.`;
    case "assigned":
      return postText`${who} gave ${problem.ref} to ${problem.owner?.displayName ?? "nobody"}.`;
    case "note_added":
      return postText`${who} added a note: ${body}`;
    case "cause_recorded":
      return postText`${who} recorded the root cause: ${body}`;
    case "workaround_recorded":
      return postText`${who} recorded a workaround: ${body}`;
    case "fix_started":
      return postText`${who} started the fix of ${problem.ref}.`;
    case "resolved":
      return postText`${who} resolved ${problem.ref}: ${body}`;
    case "closed":
      return postText`${who} closed ${problem.ref}.`;
    case "cancelled":
      return postText`${who} cancelled ${problem.ref}: ${body}`;
    case "published":
      return postText`${who} published ${problem.ref} as known error ${body}.`;
    case "linked":
      return postText`${who} linked ${problem.ref}: ${body}`;
    case "unlinked":
      return postText`${who} removed the link from ${problem.ref}: ${body}`;
    case "fix_rolled_back":
      return postText`${body} was rolled back, so ${problem.ref} stays in fix in progress.`;
  }
}
