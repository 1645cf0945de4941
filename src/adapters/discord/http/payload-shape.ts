/**
 * What Discord sends to an interactions endpoint, checked just enough that the listeners can read it: a
 * signed body that is not an interaction (a broken relay, a leaked key) is refused with 400 before any
 * listener sees it, instead of failing as a 500. Fields per discord.com/developers/docs/interactions/
 * receiving-and-responding#interaction-object. Returns what is wrong, or undefined when it is readable.
 */
export function discordBodyProblem(body: unknown): string | undefined {
  if (!isRecord(body)) return "the body is not an object";
  if (!Number.isInteger(body.type)) return "type is not an interaction type";
  if (body.type === 1) return undefined; // PING carries nothing else OpsDesk reads.
  const absent = ["id", "token", "application_id"].filter((field) => typeof body[field] !== "string");
  if (absent.length > 0) return `missing ${absent.join(", ")}`;
  if (!isRecord(body.data)) return "an interaction without data";
  const user = isRecord(body.member) ? body.member.user : body.user;
  if (!isRecord(user) || typeof user.id !== "string") return "an interaction without its user";
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
