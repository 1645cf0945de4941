// People's words in posts (src/kernel/views/post-text.ts) rendered for Slack and Discord with the same
// hostile strings: nothing a person typed becomes a Slack mention, broadcast or disguised link
// (https://api.slack.com/reference/surfaces/formatting#escaping), and Discord pings only whom OpsDesk named
// (https://discord.com/developers/docs/resources/message#allowed-mentions-object).
import { describe, expect, it } from "vitest";
import { postTextContent } from "../../../src/adapters/discord/render/post-text.js";
import { postTextMrkdwn } from "../../../src/adapters/slack/render/post-text.js";
import { mention, plainPostText, postText, readPostText } from "../../../src/kernel/views/post-text.js";
import { hostileStrings } from "../../support/hostile-text.js";

const hostile = hostileStrings.join(" & ");

describe("GIVEN a post line with a person's hostile words", () => {
  const line = postText`Ada added a note: ${hostile}`;

  it("THEN Slack gets every <, > and & escaped, so no control sequence is live", () => {
    const markup = postTextMrkdwn(line);
    expect(markup).not.toMatch(/[<>]/);
    expect(markup).toContain("&lt;!channel&gt;");
    expect(markup).toContain("&lt;https://evil.example|Reset SSO&gt;");
    expect(markup).toContain("&amp;");
  });

  it("THEN only a mention OpsDesk made itself is live on Slack", () => {
    expect(postTextMrkdwn(postText`${mention("U0ADA")} ${hostile}`)).toMatch(/^<@U0ADA> [^<>]*$/);
    expect(postTextMrkdwn(mention("<!channel>"))).toBe("@&lt;!channel&gt;");
  });

  it("THEN Discord shows the words as typed and allows no mention at all", () => {
    const posted = postTextContent(line);
    expect(posted.content).toBe(`Ada added a note: ${hostile}`);
    expect(posted.allowed_mentions).toEqual({ parse: [] });
  });

  it("THEN a line read back from the outbox's JSON is the same, and an old plain string stays inert", () => {
    expect(readPostText(JSON.parse(JSON.stringify(line)))).toEqual(line);
    expect(postTextMrkdwn(readPostText("<!channel> hi"))).toBe("&lt;!channel&gt; hi");
    expect(plainPostText(line)).toBe(`Ada added a note: ${hostile}`);
  });
});

describe("GIVEN a Discord reminder to a CAB of 95 approvers", () => {
  const approvers = Array.from({ length: 95 }, (_, i) => `1${String(i).padStart(17, "0")}`);
  const text = postText`Reminder: CHG-7 (${"Rotate every certificate"}) is waiting for your vote: 0 of 50 approvals so far.`;

  it("THEN the whole text is kept, as many approvers as fit are mentioned, the rest are counted, and only they are allowed to be pinged", () => {
    const posted = postTextContent(text, approvers);
    expect(posted.content.length).toBeLessThanOrEqual(2000);
    expect(posted.content).toContain(
      "Reminder: CHG-7 (Rotate every certificate) is waiting for your vote: 0 of 50 approvals so far.",
    );
    const shown = [...posted.content.matchAll(/<@(\d+)>/g)].map((m) => m[1]);
    expect(shown.length).toBeGreaterThan(50);
    expect(shown).toEqual(approvers.slice(0, shown.length));
    expect(posted.content).toContain(`and ${95 - shown.length} more: Reminder`);
    expect(posted.allowed_mentions).toEqual({ parse: [], users: shown });
  });

  it("THEN a short list is mentioned whole", () => {
    const posted = postTextContent(text, approvers.slice(0, 3));
    expect(posted.content).toBe(
      `${approvers
        .slice(0, 3)
        .map((id) => `<@${id}>`)
        .join(" ")} ${plainPostText(text)}`,
    );
    expect(posted.allowed_mentions).toEqual({ parse: [], users: approvers.slice(0, 3) });
  });
});
