/**
 * A line OpsDesk posts as text (a card's thread line, a change reminder, a direct message), in neutral
 * terms. What people typed (titles, notes, reasons) can never become markup: it travels as a `user`
 * segment, and each platform's renderer decides how to show it as text (Slack escapes `&`, `<`, `>`, see
 * https://api.slack.com/reference/surfaces/formatting#escaping; Discord posts it with `allowed_mentions`
 * that ping nobody it did not name). Mentions are their own segment, so a renderer builds the only live
 * markup from a platform user id it can check. There is no segment for raw markup on purpose: a practice
 * cannot forget to escape what it never gets to write.
 */
export type PostSegment =
  /** OpsDesk's own words. Shown as text too: they are not markup either. */
  | { readonly kind: "text"; readonly text: string }
  /** Words a person typed, shown exactly as typed. */
  | { readonly kind: "user"; readonly text: string }
  /** A person to mention (and notify), by their id on the platform the post goes to. */
  | { readonly kind: "mention"; readonly userId: string };

export type PostText = readonly PostSegment[];

type Interpolated = string | number | PostText;

function isPostText(value: Interpolated): value is PostText {
  return Array.isArray(value);
}

/**
 * Writes a post line as a template: the literal parts are OpsDesk's words, every interpolated string is
 * user text, numbers are OpsDesk's, and an interpolated PostText (a mention, a part built elsewhere) is
 * spliced in. `post\`${who} added a note: ${note}\`` cannot inject markup, whatever `note` holds.
 */
export function postText(strings: TemplateStringsArray, ...values: Interpolated[]): PostText {
  const segments: PostSegment[] = [];
  strings.forEach((literal, i) => {
    if (literal !== "") segments.push({ kind: "text", text: literal });
    if (i >= values.length) return;
    const value = values[i] as Interpolated;
    if (isPostText(value)) segments.push(...value);
    else if (typeof value === "number") segments.push({ kind: "text", text: String(value) });
    else if (value !== "") segments.push({ kind: "user", text: value });
  });
  return segments;
}

/** A mention of one person, to splice into postText. */
export function mention(userId: string): PostText {
  return [{ kind: "mention", userId }];
}

/** A whole line of user text (a legacy body's string, a headline someone else wrote). */
export function userText(text: string): PostText {
  return text === "" ? [] : [{ kind: "user", text }];
}

/**
 * The line as plain text, mentions written by `mentionAs` (`@id` by default): for places that show
 * text and nothing else (the console, which HTML-escapes it; logs; tests).
 */
export function plainPostText(text: PostText, mentionAs = (userId: string) => `@${userId}`): string {
  return text
    .map((segment) => (segment.kind === "mention" ? mentionAs(segment.userId) : segment.text))
    .join("");
}

/**
 * Reads a PostText back from an outbox body (JSON). Rows queued before post text existed carry a plain
 * string: it is read as user text, so it shows as written and stays inert.
 */
export function readPostText(value: unknown): PostText {
  if (typeof value === "string") return userText(value);
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): PostSegment[] => {
    const segment = item as { kind?: unknown; text?: unknown; userId?: unknown };
    if ((segment.kind === "text" || segment.kind === "user") && typeof segment.text === "string")
      return [{ kind: segment.kind, text: segment.text }];
    if (segment.kind === "mention" && typeof segment.userId === "string")
      return [{ kind: "mention", userId: segment.userId }];
    return [];
  });
}
