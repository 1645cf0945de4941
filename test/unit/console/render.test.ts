import { describe, expect, it } from "vitest";
import { renderCard } from "../../../src/adapters/console/render/card.js";
import { renderForm } from "../../../src/adapters/console/render/form.js";
import { html } from "../../../src/adapters/console/render/html.js";
import { renderMessage } from "../../../src/adapters/console/render/message.js";
import type { Card } from "../../../src/kernel/views/card.js";
import type { Form } from "../../../src/kernel/views/form.js";

const hostile = `<img src=x onerror="alert(1)"> & 'quotes'`;

const card: Card = {
  type: "card",
  title: `INC-7 · ${hostile}`,
  badge: { text: "New", intent: "danger" },
  fields: [{ label: "Reporter", value: hostile, inline: true }],
  body: `line one\n${hostile}`,
  timestamp: new Date("2026-11-02T09:05:00Z"),
  actions: [{ id: "incident.acknowledge", label: "Acknowledge", style: "primary", value: `INC-7"><script>` }],
  links: [],
};

describe("GIVEN text people wrote, shown in the console", () => {
  it("THEN it is escaped everywhere it appears: titles, fields, bodies and button values", () => {
    const out = renderCard(card, { id: "msg-1", timezone: "Europe/Berlin" }).toString();
    expect(out).not.toContain("<img");
    expect(out).not.toContain("<script>");
    expect(out).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quotes&#39;");
    expect(out).toContain('data-value="INC-7&quot;&gt;&lt;script&gt;"');
    expect(out).toContain("line one<br>&lt;img");
  });

  it("THEN times are shown in the desk's zone with the instant machine-readable", () => {
    const out = renderCard(card, { id: "msg-1", timezone: "Europe/Berlin" }).toString();
    expect(out).toContain('<time datetime="2026-11-02T09:05:00.000Z">Mon 2 Nov, 10:05</time>');
  });

  it("THEN nested fragments are not escaped twice, and null, undefined and false render nothing", () => {
    expect(html`<p>${html`<b>${"<i>"}</b>`}${null}${undefined}${false}</p>`.toString()).toBe(
      "<p><b>&lt;i&gt;</b></p>",
    );
  });
});

describe("GIVEN a card message and a private reply", () => {
  const base = {
    channelId: "#incidents",
    threadOfId: null,
    replyCount: 2,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };

  it("THEN a card in a channel gets the button that opens its thread, with the reply count", () => {
    const out = renderMessage(
      { ...base, id: 4, audienceId: null, content: { kind: "card", view: card } },
      "UTC",
    );
    expect(out.toString()).toContain('data-thread="4"');
    expect(out.toString()).toContain("2 replies");
    expect(out.toString()).not.toContain("Only you");
  });

  it("THEN a private reply says in words that only its reader sees it", () => {
    const out = renderMessage(
      {
        ...base,
        id: 5,
        audienceId: "ada",
        content: { kind: "notice", view: { type: "notice", tone: "error", text: "No." } },
      },
      "UTC",
    ).toString();
    expect(out).toContain("Only you can see this");
    expect(out).toContain('<span class="tone">Problem:</span> No.');
  });
});

describe("GIVEN a form", () => {
  const form: Form = {
    type: "form",
    id: "incident.assign",
    title: "Assign incident",
    submitLabel: "Assign",
    hidden: { ref: "INC-7" },
    fields: [
      { id: "to", type: "person", label: "Assignee", required: true, hint: "Who takes it" },
      { id: "note", type: "textarea", label: "Note", required: false, maxLength: 500 },
    ],
  };

  it("THEN every field has a label, its hint and error slot are tied to it, and people are offered by name", () => {
    const out = renderForm(form, { people: [{ id: "ada", name: "Ada Agent" }] }).toString();
    expect(out).toContain('<label for="field-to">Assignee</label>');
    expect(out).toContain('aria-describedby="field-to-hint field-to-error"');
    expect(out).toContain('required aria-required="true"');
    expect(out).toContain('<option value="ada">Ada Agent (ada)</option>');
    expect(out).toContain('<span class="optional">(optional)</span>');
    expect(out).toContain('data-hidden="{&quot;ref&quot;:&quot;INC-7&quot;}"');
  });

  it("THEN a problem from the last submission shows under its field, with what was typed kept", () => {
    const out = renderForm(form, {
      people: [],
      errors: { note: "must not be empty" },
      values: { note: "typed <so far>" },
    }).toString();
    expect(out).toContain('<p class="field-error" id="field-note-error">must not be empty</p>');
    expect(out).toContain('aria-invalid="true"');
    expect(out).toContain("typed &lt;so far&gt;</textarea>");
  });
});
