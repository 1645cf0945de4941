import type { types } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { renderCard } from "../../../src/adapters/slack/render/card.js";
import { escapeMrkdwn, mrkdwnLink } from "../../../src/adapters/slack/render/mrkdwn.js";
import { renderNotice } from "../../../src/adapters/slack/render/notice.js";
import { notice } from "../../../src/kernel/views/notice.js";
import { incidentCard } from "../../../src/practices/incidents/views/card.js";
import { anIncident } from "../views/incident-fixture.js";

const injection = "Hi <@U123ADMIN> and <!channel>, see <https://evil.example|bank> & more";

describe("GIVEN user text that looks like Slack mentions, broadcasts and links", () => {
  const message = renderCard(
    incidentCard(anIncident({ title: injection, description: injection, category: "<!here>" }), []),
  );
  const section = (i: number) => (message.blocks[i] as types.SectionBlock).text?.text;

  it("THEN the body shows it as text: no mention, broadcast or link survives", () => {
    expect(section(2)).toBe(
      "Hi &lt;@U123ADMIN&gt; and &lt;!channel&gt;, see &lt;https://evil.example|bank&gt; &amp; more",
    );
    // Everything but the plain-text header; the date token is the renderer's own markup.
    const markup = JSON.stringify(message.blocks.slice(1));
    expect(markup).not.toMatch(/<[@!#](?!date\^)|<https/);
    expect(markup).toContain("Category: &lt;!here&gt;");
  });

  it("THEN the notification text is escaped too, and mrkdwn is verbatim so Slack parses nothing itself", () => {
    expect(message.text).not.toContain("<@U123ADMIN>");
    expect(message.text).toContain("&lt;@U123ADMIN&gt;");
    expect(message.blocks[2]).toMatchObject({ text: { verbatim: true } });
  });

  it("THEN the plain-text header keeps the characters as typed, where Slack never parses markup", () => {
    expect((message.blocks[0] as types.HeaderBlock).text.text).toContain("<@U123ADMIN>");
  });

  it("THEN notices escape what the person typed back at them", () => {
    expect(renderNotice(notice("error", 'Unknown option "<!channel>"')).blocks[0]).toMatchObject({
      text: { text: ':warning: Unknown option "&lt;!channel&gt;"' },
    });
  });
});

describe("GIVEN a resolver that knows people's Slack ids", () => {
  const card = incidentCard(anIncident(), []);
  const field = (message: ReturnType<typeof renderCard>, label: string) =>
    (message.blocks[1] as types.SectionBlock).fields?.find((f) => f.text.startsWith(`*${label}*`))?.text;

  it("THEN the assignee becomes a mention and the others stay names", () => {
    const message = renderCard(card, {
      personFor: (f) => (f.label === "Assignee" ? "U0ALEX" : undefined),
    });
    expect(field(message, "Assignee")).toBe("*Assignee*\n<@U0ALEX>");
    expect(field(message, "Reporter")).toBe("*Reporter*\nRiley Reporter");
  });

  it("THEN an id that is not a Slack user id is ignored rather than injected", () => {
    const message = renderCard(card, { personFor: () => "U1> <!channel" });
    expect(field(message, "Assignee")).toBe("*Assignee*\nAlex Agent");
  });
});

describe("GIVEN the mrkdwn helpers", () => {
  it("THEN & is escaped before < and > so entities are not double-escaped", () => {
    expect(escapeMrkdwn("<a&b>")).toBe("&lt;a&amp;b&gt;");
  });

  it("THEN only web and mail links become clickable", () => {
    expect(mrkdwnLink("javascript:alert(1)", "Click")).toBe("Click (javascript:alert(1))");
    expect(mrkdwnLink("mailto:desk@example.com", "Desk <team>")).toBe(
      "<mailto:desk@example.com|Desk &lt;team&gt;>",
    );
  });
});
