/**
 * What Slack sends, checked just enough that Bolt and the listeners can read it: a signed body that is
 * not one of Slack's payloads (a broken integration, a leaked signing secret, a mangling proxy) is refused
 * with 400 before Bolt sees it, instead of failing inside a listener as a 500. Field lists follow Slack's
 * payload references: api.slack.com/interactivity/slash-commands (command fields),
 * api.slack.com/reference/interaction-payloads (block_actions, view_submission, shortcuts), and
 * api.slack.com/apis/events-api (event_callback). Returns what is wrong, or undefined when it is readable.
 */
export function slackBodyProblem(body: unknown): string | undefined {
  if (!isRecord(body)) return "the body is not an object";
  if (body.ssl_check !== undefined) return undefined;
  if (body.type === undefined) {
    if (typeof body.command !== "string") return "neither a slash command nor a typed payload";
    return missing(body, ["user_id", "text"]);
  }
  if (typeof body.type !== "string") return "type is not a string";
  switch (body.type) {
    case "url_verification":
      return typeof body.challenge === "string" ? undefined : "url_verification without a challenge";
    case "event_callback":
      return isRecord(body.event) && typeof body.event.type === "string"
        ? undefined
        : "event_callback without an event";
    case "block_actions": {
      const problem = userProblem(body);
      if (problem) return problem;
      const actions = body.actions;
      if (!Array.isArray(actions) || actions.length === 0) return "block_actions without actions";
      return actions.every((action) => isRecord(action) && typeof action.action_id === "string")
        ? undefined
        : "an action without an action_id";
    }
    case "view_submission":
    case "view_closed":
      return (
        userProblem(body) ??
        (isRecord(body.view) && typeof body.view.callback_id === "string"
          ? undefined
          : `${body.type} without a view`)
      );
    case "message_action":
      return (
        userProblem(body) ??
        missing(body, ["callback_id"]) ??
        (isRecord(body.message) ? undefined : "message_action without a message")
      );
    case "shortcut":
    case "block_suggestion":
      return userProblem(body);
    default:
      // A payload type OpsDesk does not listen to: Bolt ignores it and it is answered 200.
      return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function userProblem(body: Record<string, unknown>): string | undefined {
  return isRecord(body.user) && typeof body.user.id === "string"
    ? undefined
    : `${String(body.type)} without a user`;
}

function missing(body: Record<string, unknown>, fields: readonly string[]): string | undefined {
  const absent = fields.filter((field) => typeof body[field] !== "string");
  return absent.length === 0 ? undefined : `missing ${absent.join(", ")}`;
}
