// The fake Slack refuses what real Slack refuses, with Slack's error shape: HTTP 200, `ok: false`, the error
// code and one "[ERROR] … [json-pointer:…]" message per problem. Each rule cites its Block Kit reference page
// in test/fakes/slack/block-kit-limits.ts.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULTS, type FakeSlack, startFakeSlack } from "../../fakes/slack/server.js";
import { webClient } from "./slack-test-kit.js";

const GENERAL = DEFAULTS.generalChannelId;
const ALICE = DEFAULTS.aliceUserId;

const plain = (text: string) => ({ type: "plain_text", text });
const section = (text: string, extra: Record<string, unknown> = {}) => ({
  type: "section",
  text: { type: "mrkdwn", text },
  ...extra,
});
const button = (actionId: string, extra: Record<string, unknown> = {}) => ({
  type: "button",
  action_id: actionId,
  text: plain("Resolve"),
  ...extra,
});
const option = (value: string) => ({ text: plain(value), value });
const actions = (...elements: unknown[]) => ({ type: "actions", elements });
const input = (blockId: string, element: Record<string, unknown>) => ({
  type: "input",
  block_id: blockId,
  label: plain("Priority"),
  element,
});
const confirm = (overrides: Record<string, unknown> = {}) => ({
  title: plain("Are you sure?"),
  text: plain("This closes the incident."),
  confirm: plain("Resolve"),
  deny: plain("Go back"),
  ...overrides,
});

interface Answer {
  ok: boolean;
  error?: string;
  errors?: string[];
}

describe("GIVEN the fake Slack checking Block Kit as strictly as Slack", () => {
  let fake: FakeSlack;

  beforeEach(async () => {
    fake = await startFakeSlack();
  });
  afterEach(async () => {
    await fake.close();
  });

  /** What chat.postMessage answered for these blocks (through the real WebClient, form-encoded). */
  async function post(blocks: unknown[]): Promise<Answer> {
    await webClient(fake)
      .apiCall("chat.postMessage", { channel: GENERAL, text: "fallback", blocks })
      .catch(() => undefined);
    return fake.callsTo("chat.postMessage").at(-1)?.response as Answer;
  }

  async function open(view: Record<string, unknown>): Promise<Answer> {
    const trigger_id = fake.issueTriggerId(ALICE);
    await webClient(fake)
      .apiCall("views.open", { trigger_id, view })
      .catch(() => undefined);
    return fake.callsTo("views.open").at(-1)?.response as Answer;
  }

  const modal = (blocks: unknown[]) => ({
    type: "modal",
    callback_id: "incident.create",
    title: plain("New incident"),
    submit: plain("Create"),
    blocks,
  });

  it("THEN a well-formed card with a confirm dialog, a select and checkboxes is accepted", async () => {
    const low = option("low");
    const box = option("internal");
    const answer = await post([
      section("*INC-7*", { block_id: "summary" }),
      actions(button("incident.resolve", { style: "danger", confirm: confirm({ style: "danger" }) })),
    ]);
    expect(answer).toMatchObject({ ok: true });
    const opened = await open(
      modal([
        input("field.priority", {
          type: "static_select",
          action_id: "priority",
          options: [low, option("high")],
          initial_option: low,
        }),
        input("field.internal", {
          type: "checkboxes",
          action_id: "internal",
          options: [box],
          initial_options: [box],
        }),
      ]),
    );
    expect(opened).toMatchObject({ ok: true });
  });

  describe("WHEN text or a list that must hold something is empty", () => {
    it("THEN an empty section text is refused: must be more than 0 characters", async () => {
      const answer = await post([section("")]);
      expect(answer).toMatchObject({ ok: false, error: "invalid_blocks" });
      expect(answer.errors).toContain("must be more than 0 characters [json-pointer:/blocks/0/text/text]");
      expect(fake.messagesIn(GENERAL)).toEqual([]);
    });

    it("THEN an empty header, button label or option text is refused", async () => {
      const answer = await post([
        { type: "header", text: plain("") },
        actions(button("a", { text: plain("") }), {
          type: "overflow",
          action_id: "more",
          options: [option("x"), { text: plain(""), value: "y" }],
        }),
      ]);
      expect(answer.errors).toEqual(
        expect.arrayContaining([
          "must be more than 0 characters [json-pointer:/blocks/0/text/text]",
          "must be more than 0 characters [json-pointer:/blocks/1/elements/0/text/text]",
          "must be more than 0 characters [json-pointer:/blocks/1/elements/1/options/1/text/text]",
        ]),
      );
    });

    it("THEN an actions or context block without elements, or a select without options, is refused", async () => {
      const answer = await post([
        actions(),
        { type: "context", elements: [] },
        section("pick", { accessory: { type: "static_select", action_id: "p", options: [] } }),
      ]);
      expect(answer).toMatchObject({ ok: false, error: "invalid_blocks" });
      expect(answer.errors).toEqual([
        "at least 1 items required [json-pointer:/blocks/0/elements]",
        "at least 1 items required [json-pointer:/blocks/1/elements]",
        "at least 1 items required [json-pointer:/blocks/2/accessory/options]",
      ]);
    });
  });

  describe("WHEN an id repeats", () => {
    it("THEN two blocks with one block_id are refused in a message", async () => {
      const answer = await post([section("a", { block_id: "card" }), section("b", { block_id: "card" })]);
      expect(answer.errors).toEqual(["Block ID needs to be unique [json-pointer:/blocks/1/block_id]"]);
    });

    it("THEN two input blocks with one block_id are refused in a modal", async () => {
      const text = { type: "plain_text_input", action_id: "title" };
      const answer = await open(modal([input("field.title", text), input("field.title", text)]));
      expect(answer).toMatchObject({ ok: false, error: "invalid_arguments" });
      expect(answer.errors).toEqual(["Block ID needs to be unique [json-pointer:/view/blocks/1/block_id]"]);
      expect(fake.openViews()).toEqual([]);
    });

    it("THEN two buttons with one action_id in a block are refused, while blocks may reuse one", async () => {
      const twice = await post([actions(button("incident.resolve"), button("incident.resolve"))]);
      expect(twice.errors).toEqual([
        "action_id must be unique within the block [json-pointer:/blocks/0/elements/1/action_id]",
      ]);
      const apart = await post([actions(button("incident.resolve")), actions(button("incident.resolve"))]);
      expect(apart).toMatchObject({ ok: true });
    });
  });

  describe("WHEN an enum or element type is not one Slack knows there", () => {
    it("THEN button style 'default' or 'secondary' is refused (the default style omits the field)", async () => {
      const answer = await post([
        actions(button("a", { style: "default" }), button("b", { style: "secondary" })),
      ]);
      expect(answer.errors).toEqual([
        "must be one of primary, danger [json-pointer:/blocks/0/elements/0/style]",
        "must be one of primary, danger [json-pointer:/blocks/0/elements/1/style]",
      ]);
    });

    it("THEN an input element in an actions block, or a button in an input block, is refused", async () => {
      const answer = await post([actions({ type: "plain_text_input", action_id: "t" })]);
      expect(answer.errors).toEqual([
        "failed to match all allowed schemas [json-pointer:/blocks/0/elements/0]",
      ]);
      const view = await open(modal([input("field.go", button("go"))]));
      expect(view.errors).toEqual([
        "failed to match all allowed schemas [json-pointer:/view/blocks/0/element]",
      ]);
    });

    it("THEN a context block holding a button is refused", async () => {
      const answer = await post([{ type: "context", elements: [button("a")] }]);
      expect(answer.errors).toEqual([
        "failed to match all allowed schemas [json-pointer:/blocks/0/elements/0]",
      ]);
    });
  });

  describe("WHEN a confirm dialog breaks its limits", () => {
    it("THEN title over 100, text over 300, confirm or deny over 30, or a bad style are refused", async () => {
      const dialog = confirm({
        title: plain("t".repeat(101)),
        text: plain("x".repeat(301)),
        confirm: plain("c".repeat(31)),
        deny: plain("d".repeat(31)),
        style: "warning",
      });
      const answer = await post([actions(button("a", { confirm: dialog }))]);
      const at = "/blocks/0/elements/0/confirm";
      expect(answer.errors).toEqual([
        `must be less than 101 characters [json-pointer:${at}/title/text]`,
        `must be less than 301 characters [json-pointer:${at}/text/text]`,
        `must be less than 31 characters [json-pointer:${at}/confirm/text]`,
        `must be less than 31 characters [json-pointer:${at}/deny/text]`,
        `must be one of primary, danger [json-pointer:${at}/style]`,
      ]);
    });

    it("THEN a dialog without its deny button is refused", async () => {
      const { deny: _deny, ...withoutDeny } = confirm();
      const answer = await post([actions(button("a", { confirm: withoutDeny }))]);
      expect(answer.errors).toEqual([
        "must provide an object [json-pointer:/blocks/0/elements/0/confirm/deny]",
      ]);
    });

    it("THEN exactly 100, 300 and 30 characters are accepted", async () => {
      const dialog = confirm({
        title: plain("t".repeat(100)),
        text: plain("x".repeat(300)),
        confirm: plain("c".repeat(30)),
        deny: plain("d".repeat(30)),
      });
      expect(await post([actions(button("a", { confirm: dialog }))])).toMatchObject({ ok: true });
    });
  });

  describe("WHEN an initial option is not one of the options", () => {
    it("THEN a static_select whose initial_option is not offered is refused", async () => {
      const answer = await open(
        modal([
          input("field.priority", {
            type: "static_select",
            action_id: "priority",
            options: [option("low"), option("high")],
            initial_option: option("urgent"),
          }),
        ]),
      );
      expect(answer.errors).toEqual([
        "must match one of the options [json-pointer:/view/blocks/0/element/initial_option]",
      ]);
    });

    it("THEN an initial option whose text differs from the offered one is refused too", async () => {
      const answer = await post([
        section("pick", {
          accessory: {
            type: "static_select",
            action_id: "p",
            options: [option("low")],
            initial_option: { text: plain("Low"), value: "low" },
          },
        }),
      ]);
      expect(answer.errors).toEqual([
        "must match one of the options [json-pointer:/blocks/0/accessory/initial_option]",
      ]);
    });

    it("THEN checkboxes whose initial_options name an option not offered are refused", async () => {
      const answer = await open(
        modal([
          input("field.internal", {
            type: "checkboxes",
            action_id: "internal",
            options: [option("true")],
            initial_options: [option("false")],
          }),
        ]),
      );
      expect(answer.errors).toEqual([
        "must match one of the options [json-pointer:/view/blocks/0/element/initial_options/0]",
      ]);
    });
  });

  describe("WHEN an overflow menu or checkbox group has the wrong number of options", () => {
    const overflow = (count: number) => ({
      type: "overflow",
      action_id: "more",
      options: Array.from({ length: count }, (_, i) => option(`o${i}`)),
    });

    it("THEN an overflow menu with 1 or 6 options is refused and 2 or 5 are accepted", async () => {
      expect((await post([actions(overflow(1))])).errors).toEqual([
        "at least 2 items required [json-pointer:/blocks/0/elements/0/options]",
      ]);
      expect((await post([actions(overflow(6))])).errors).toEqual([
        "no more than 5 items allowed [json-pointer:/blocks/0/elements/0/options]",
      ]);
      expect(await post([actions(overflow(2))])).toMatchObject({ ok: true });
      expect(await post([actions(overflow(5))])).toMatchObject({ ok: true });
    });

    it("THEN checkboxes with 11 options are refused and 10 are accepted", async () => {
      const boxes = (count: number) => ({
        type: "checkboxes",
        action_id: "tags",
        options: Array.from({ length: count }, (_, i) => option(`t${i}`)),
      });
      expect((await post([actions(boxes(11))])).errors).toEqual([
        "no more than 10 items allowed [json-pointer:/blocks/0/elements/0/options]",
      ]);
      expect(await post([actions(boxes(10))])).toMatchObject({ ok: true });
    });
  });

  describe("WHEN a body holds a lone UTF-16 surrogate (an emoji cut in half)", () => {
    const cut = "Printer on fire \u{1F525}".slice(0, -1);

    it("THEN blocks holding one are refused as invalid_blocks_format, naming where", async () => {
      await webClient(fake)
        .chat.postMessage({ channel: GENERAL, text: "ok", blocks: [section(cut)] as never })
        .catch(() => undefined);
      const response = fake.callsTo("chat.postMessage").at(-1)?.response;
      expect(response).toMatchObject({
        ok: false,
        error: "invalid_blocks_format",
        response_metadata: {
          messages: [
            "[ERROR] lone surrogate U+D83D at index 16 of /blocks/0/text/text is not valid Unicode [json-pointer:/blocks/0/text/text]",
          ],
        },
      });
      expect(fake.messagesIn(GENERAL)).toEqual([]);
    });

    it("THEN a JSON body holding one is invalid_json, and a whole emoji is fine", async () => {
      const send = (text: string) =>
        fetch(`${fake.apiUrl}chat.postMessage`, {
          method: "POST",
          headers: {
            "content-type": "application/json; charset=utf-8",
            authorization: `Bearer ${fake.botToken}`,
          },
          body: JSON.stringify({ channel: GENERAL, text }),
        }).then((r) => r.json());
      expect(await send(cut)).toMatchObject({ ok: false, error: "invalid_json" });
      expect(await send(`${cut}\u{DD25}`)).toMatchObject({ ok: true });
      expect(fake.messagesIn(GENERAL).map((m) => m.text)).toEqual(["Printer on fire \u{1F525}"]);
    });

    it("THEN a view holding one is refused and no modal opens", async () => {
      const answer = await open(
        modal([input("field.title", { type: "plain_text_input", action_id: "t", initial_value: cut })]),
      );
      expect(answer).toMatchObject({ ok: false, error: "invalid_arguments" });
      expect(fake.openViews()).toEqual([]);
    });

    it("THEN a form body with a percent-encoded surrogate is refused", async () => {
      const body = `channel=${GENERAL}&text=fire%20%ED%A0%BD`;
      const answer = await fetch(`${fake.apiUrl}chat.postMessage`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: `Bearer ${fake.botToken}`,
        },
        body,
      }).then((r) => r.json());
      expect(answer).toMatchObject({ ok: false, error: "invalid_arguments" });
    });

    it("THEN a response_url post holding one is refused with 400", async () => {
      const url = fake.issueResponseUrl({ channelId: GENERAL, userId: ALICE });
      const answer = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: cut, response_type: "in_channel" }),
      });
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({ ok: false, error: "invalid_payload" });
      expect(fake.messagesIn(GENERAL)).toEqual([]);
    });
  });
});
