// The fake Discord refuses what Discord refuses, with Discord's error shape: 400 and
// `{ code: 50035, message: "Invalid Form Body", errors: { <field path>: { _errors: [{ code, message }] } } }`.
// Each rule cites its documentation page in test/fakes/discord/limits/*.ts.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { autocomplete, slashCommand } from "../../fakes/discord/builders/interactions.js";
import { type FakeDiscord, startFakeDiscord } from "../../fakes/discord/server.js";

interface Answer {
  status: number;
  body: { code?: number; message?: string; errors?: unknown; fake_error?: string } & Record<string, unknown>;
}

const SNOWFLAKE_A = "112233445566778899";
const SNOWFLAKE_B = "998877665544332211";

const row = (...components: unknown[]) => ({ type: 1, components });
const button = (customId: string, extra: Record<string, unknown> = {}) => ({
  type: 2,
  style: 1,
  label: "Resolve",
  custom_id: customId,
  ...extra,
});
const textInput = (customId: string, extra: Record<string, unknown> = {}) => ({
  type: 4,
  custom_id: customId,
  style: 1,
  ...extra,
});
const label = (component: unknown, text = "Title") => ({ type: 18, label: text, component });

/** The `_errors` Discord lists at one dotted path of `errors`, e.g. `components.0.components.1.custom_id`. */
function errorsAt(answer: Answer, path: string): unknown {
  let node: unknown = answer.body.errors;
  for (const key of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[key];
  return (node as { _errors?: unknown } | undefined)?._errors;
}

describe("GIVEN the fake Discord checking bodies as strictly as Discord", () => {
  let fake: FakeDiscord;
  let channelId: string;

  beforeEach(async () => {
    fake = await startFakeDiscord();
    channelId = fake.channelIds[0] ?? "";
  });
  afterEach(async () => {
    await fake.close();
  });

  async function call(method: string, path: string, body: unknown, auth = true): Promise<Answer> {
    const response = await fetch(`${fake.restBase}/v10${path}`, {
      method,
      headers: {
        "content-type": "application/json",
        ...(auth ? { authorization: `Bot ${fake.token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {} };
  }

  const send = (body: Record<string, unknown>) => call("POST", `/channels/${channelId}/messages`, body);

  /** Answers a fresh slash command (or autocomplete) interaction with a callback of `type`. */
  function callback(type: number, data: unknown, spec = slashCommand({ name: "incident" })): Promise<Answer> {
    const sent = fake.createInteraction(spec);
    return call("POST", `/interactions/${sent.id}/${sent.token}/callback`, { type, data }, false);
  }

  const modal = (components: unknown[]) => ({
    custom_id: "f:incident.create",
    title: "New incident",
    components,
  });

  function expectInvalid(answer: Answer): void {
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 50035, message: "Invalid Form Body" });
  }

  it("THEN a card like OpsDesk's, with buttons, a link and allowed_mentions, is accepted", async () => {
    const answer = await send({
      content: `<@${SNOWFLAKE_A}> INC-7`,
      embeds: [{ title: "INC-7", fields: [{ name: "Priority", value: "" }] }],
      components: [
        row(button("a:incident.resolve:INC-7"), {
          type: 2,
          style: 5,
          label: "Runbook",
          url: "https://x.example",
        }),
      ],
      allowed_mentions: { parse: [], users: [SNOWFLAKE_A] },
      nonce: "n".repeat(25),
      enforce_nonce: true,
    });
    expect(answer.status).toBe(200);
    expect(fake.messagesIn(channelId)).toHaveLength(1);
  });

  describe("WHEN a custom_id repeats", () => {
    it("THEN two buttons sharing one custom_id across rows are refused and nothing is posted", async () => {
      const answer = await send({
        components: [row(button("a:x:INC-1")), row(button("b"), button("a:x:INC-1"))],
      });
      expectInvalid(answer);
      expect(errorsAt(answer, "components.1.components.1.custom_id")).toEqual([
        { code: "COMPONENT_CUSTOM_ID_DUPLICATED", message: "Component custom id cannot be duplicated" },
      ]);
      expect(fake.messagesIn(channelId)).toEqual([]);
    });

    it("THEN two modal inputs sharing one custom_id are refused", async () => {
      const answer = await callback(
        9,
        modal([label(textInput("title")), label(textInput("title"), "Again")]),
      );
      expectInvalid(answer);
      expect(errorsAt(answer, "data.components.1.component.custom_id")).toEqual([
        { code: "COMPONENT_CUSTOM_ID_DUPLICATED", message: "Component custom id cannot be duplicated" },
      ]);
    });
  });

  describe("WHEN an enum value is not one Discord knows", () => {
    it("THEN button style 7 (or 0) is refused with the allowed values", async () => {
      const answer = await send({ components: [row(button("a", { style: 7 }), button("b", { style: 0 }))] });
      expectInvalid(answer);
      expect(errorsAt(answer, "components.0.components.0.style")).toEqual([
        { code: "BASE_TYPE_CHOICES", message: "Value must be one of {1, 2, 3, 4, 5, 6}." },
      ]);
      expect(errorsAt(answer, "components.0.components.1.style")).toBeDefined();
    });

    it("THEN a link button with a custom_id, or a primary one with a url, is refused", async () => {
      const answer = await send({
        components: [
          row(
            { type: 2, style: 5, label: "Go", url: "https://x.example", custom_id: "go" },
            button("b", { url: "https://x.example" }),
          ),
        ],
      });
      expectInvalid(answer);
      expect(errorsAt(answer, "components.0.components.0.custom_id")).toMatchObject([
        { code: "BUTTON_COMPONENT_INVALID_FIELD" },
      ]);
      expect(errorsAt(answer, "components.0.components.1.url")).toMatchObject([
        { code: "BUTTON_COMPONENT_INVALID_FIELD" },
      ]);
    });

    it("THEN auto_archive_duration other than 60, 1440, 4320 or 10080 is refused on both thread routes", async () => {
      const posted = await send({ content: "INC-7" });
      const id = String(posted.body.id);
      const fromMessage = await call("POST", `/channels/${channelId}/messages/${id}/threads`, {
        name: "INC-7",
        auto_archive_duration: 120,
      });
      expectInvalid(fromMessage);
      expect(errorsAt(fromMessage, "auto_archive_duration")).toEqual([
        { code: "BASE_TYPE_CHOICES", message: "Value must be one of {60, 1440, 4320, 10080}." },
      ]);
      const room = await call("POST", `/channels/${channelId}/threads`, {
        name: "INC-7 room",
        type: 11,
        auto_archive_duration: 0,
      });
      expectInvalid(room);
      expect(fake.channelNamed("INC-7 room")).toBeUndefined();
      const fine = await call("POST", `/channels/${channelId}/threads`, {
        name: "INC-7 room",
        type: 11,
        auto_archive_duration: 10080,
      });
      expect(fine.status).toBe(201);
    });

    it("THEN a text input in a message row, or a button in a modal, is refused", async () => {
      const inMessage = await send({ components: [row(textInput("t"))] });
      expectInvalid(inMessage);
      expect(errorsAt(inMessage, "components.0.components.0.type")).toMatchObject([
        { code: "COMPONENT_TYPE_INVALID" },
      ]);
      const inModal = await callback(9, modal([row(button("b"))]));
      expectInvalid(inModal);
      expect(errorsAt(inModal, "data.components.0.components.0.type")).toMatchObject([
        { code: "COMPONENT_TYPE_INVALID" },
      ]);
    });
  });

  describe("WHEN a modal holds children other than those allowed", () => {
    it("THEN labels, text displays and a legacy row with one text input are accepted", async () => {
      const answer = await callback(
        9,
        modal([
          { type: 10, content: "Describe what broke." },
          label(textInput("title")),
          label({ type: 3, custom_id: "priority", options: [{ label: "Low", value: "low" }], min_values: 1 }),
          label({ type: 23, custom_id: "internal" }),
          row(textInput("legacy", { label: "Legacy" })),
        ]),
      );
      expect(answer.status).toBe(204);
    });

    it("THEN a top-level button row, a label around a button, or a row of two inputs is refused", async () => {
      const answer = await callback(
        9,
        modal([
          { type: 2, style: 1, custom_id: "b", label: "x" },
          label(button("c")),
          row(textInput("a"), textInput("b")),
        ]),
      );
      expectInvalid(answer);
      expect(errorsAt(answer, "data.components.0.type")).toMatchObject([{ code: "UNION_TYPE_CHOICES" }]);
      expect(errorsAt(answer, "data.components.1.component.type")).toMatchObject([
        { code: "COMPONENT_TYPE_INVALID" },
      ]);
      expect(errorsAt(answer, "data.components.2.components")).toMatchObject([
        { code: "BASE_TYPE_MAX_LENGTH" },
      ]);
    });

    it("THEN an empty text display, a text input of style 3, or a disabled select is refused", async () => {
      const answer = await callback(
        9,
        modal([
          { type: 10, content: "" },
          label(textInput("t", { style: 3 })),
          label({ type: 5, custom_id: "owner", disabled: true }),
        ]),
      );
      expectInvalid(answer);
      expect(errorsAt(answer, "data.components.0.content")).toMatchObject([{ code: "BASE_TYPE_BAD_LENGTH" }]);
      expect(errorsAt(answer, "data.components.1.component.style")).toMatchObject([
        { code: "BASE_TYPE_CHOICES" },
      ]);
      expect(errorsAt(answer, "data.components.2.component.disabled")).toBeDefined();
    });

    it("THEN a required select whose min_values is 0 is refused", async () => {
      const answer = await callback(9, modal([label({ type: 5, custom_id: "owner", min_values: 0 })]));
      expectInvalid(answer);
      expect(errorsAt(answer, "data.components.0.component.min_values")).toBeDefined();
      const optional = await callback(
        9,
        modal([label({ type: 5, custom_id: "owner", min_values: 0, required: false })]),
      );
      expect(optional.status).toBe(204);
    });
  });

  describe("WHEN a select's defaults do not fit it", () => {
    const options = [
      { label: "Low", value: "low", default: true },
      { label: "High", value: "high", default: true },
    ];

    it("THEN two default options on a single-choice string select are refused", async () => {
      const answer = await callback(9, modal([label({ type: 3, custom_id: "p", options })]));
      expectInvalid(answer);
      expect(errorsAt(answer, "data.components.0.component.options")).toMatchObject([
        { code: "SELECT_COMPONENT_TOO_MANY_DEFAULT_VALUES" },
      ]);
      const multi = await callback(9, modal([label({ type: 3, custom_id: "p", options, max_values: 2 })]));
      expect(multi.status).toBe(204);
    });

    it("THEN a user select defaulting to a role, to a non-snowflake or to more users than max_values is refused", async () => {
      const answer = await callback(
        9,
        modal([
          label({ type: 5, custom_id: "a", default_values: [{ type: "role", id: SNOWFLAKE_A }] }),
          label({ type: 5, custom_id: "b", default_values: [{ type: "user", id: "U123" }] }),
          label({
            type: 5,
            custom_id: "c",
            default_values: [
              { type: "user", id: SNOWFLAKE_A },
              { type: "user", id: SNOWFLAKE_B },
            ],
          }),
        ]),
      );
      expectInvalid(answer);
      expect(errorsAt(answer, "data.components.0.component.default_values.0.type")).toMatchObject([
        { code: "BASE_TYPE_CHOICES" },
      ]);
      expect(errorsAt(answer, "data.components.1.component.default_values.0.id")).toEqual([
        { code: "NUMBER_TYPE_COERCE", message: 'Value "U123" is not snowflake.' },
      ]);
      expect(errorsAt(answer, "data.components.2.component.default_values")).toMatchObject([
        { code: "BASE_TYPE_BAD_LENGTH" },
      ]);
    });
  });

  describe("WHEN allowed_mentions breaks its rules", () => {
    it("THEN parse 'users' together with a users list is refused, likewise roles", async () => {
      const users = await send({
        content: "hi",
        allowed_mentions: { parse: ["users"], users: [SNOWFLAKE_A] },
      });
      expectInvalid(users);
      expect(errorsAt(users, "allowed_mentions")).toEqual([
        {
          code: "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
          message: 'parse:["users"] and users: [ids...] are mutually exclusive.',
        },
      ]);
      const roles = await send({
        content: "hi",
        allowed_mentions: { parse: ["roles"], roles: [SNOWFLAKE_B] },
      });
      expectInvalid(roles);
      expect(fake.messagesIn(channelId)).toEqual([]);
    });

    it("THEN parse with an empty users list, or 'everyone' with a users list, is accepted", async () => {
      expect(
        (await send({ content: "a", allowed_mentions: { parse: ["users", "roles"], users: [] } })).status,
      ).toBe(200);
      expect(
        (await send({ content: "b", allowed_mentions: { parse: ["everyone"], users: [SNOWFLAKE_A] } }))
          .status,
      ).toBe(200);
    });

    it("THEN a user id that is no snowflake, an unknown parse type or 101 users are refused", async () => {
      const answer = await send({
        content: "hi",
        allowed_mentions: { parse: ["channels"], users: ["U0ALICE", SNOWFLAKE_A] },
      });
      expectInvalid(answer);
      expect(errorsAt(answer, "allowed_mentions.users.0")).toEqual([
        { code: "NUMBER_TYPE_COERCE", message: 'Value "U0ALICE" is not snowflake.' },
      ]);
      expect(errorsAt(answer, "allowed_mentions.parse.0")).toMatchObject([{ code: "BASE_TYPE_CHOICES" }]);
      const many = Array.from({ length: 101 }, (_, i) => String(100000000000000000n + BigInt(i)));
      const tooMany = await send({ content: "hi", allowed_mentions: { parse: [], users: many } });
      expect(errorsAt(tooMany, "allowed_mentions.users")).toEqual([
        { code: "BASE_TYPE_MAX_LENGTH", message: "Must be 100 or fewer in length." },
      ]);
      expect(
        (await send({ content: "hi", allowed_mentions: { parse: [], users: many.slice(0, 100) } })).status,
      ).toBe(200);
    });

    it("THEN an interaction reply is held to the same rules, under `data`", async () => {
      const answer = await callback(4, {
        content: "hi",
        allowed_mentions: { parse: ["users"], users: [SNOWFLAKE_A] },
      });
      expectInvalid(answer);
      expect(errorsAt(answer, "data.allowed_mentions")).toMatchObject([
        { code: "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE" },
      ]);
    });
  });

  describe("WHEN a nonce is longer than 25 characters", () => {
    it("THEN the post is refused; 25 characters or an integer are accepted", async () => {
      const answer = await send({ content: "hi", nonce: "n".repeat(26) });
      expectInvalid(answer);
      expect(errorsAt(answer, "nonce")).toEqual([
        { code: "BASE_TYPE_MAX_LENGTH", message: "Must be 25 or fewer in length." },
      ]);
      expect((await send({ content: "hi", nonce: 1234567890123 })).status).toBe(200);
    });
  });

  describe("WHEN text or a list that must hold something is missing or empty", () => {
    it("THEN an embed field without a value, an empty row and an empty select option label are refused", async () => {
      const answer = await send({
        embeds: [{ title: "INC-7", fields: [{ name: "Priority" }] }],
        components: [row(), row({ type: 3, custom_id: "s", options: [{ label: "", value: "x" }] })],
      });
      expectInvalid(answer);
      expect(errorsAt(answer, "embeds.0.fields.0.value")).toEqual([
        { code: "BASE_TYPE_REQUIRED", message: "This field is required" },
      ]);
      expect(errorsAt(answer, "components.0.components")).toMatchObject([{ code: "BASE_TYPE_MIN_LENGTH" }]);
      expect(errorsAt(answer, "components.1.components.0.options.0.label")).toMatchObject([
        { code: "BASE_TYPE_BAD_LENGTH" },
      ]);
    });

    it("THEN a modal without components or with an empty label is refused", async () => {
      const empty = await callback(9, modal([]));
      expectInvalid(empty);
      expect(errorsAt(empty, "data.components")).toMatchObject([{ code: "BASE_TYPE_BAD_LENGTH" }]);
      const unlabelled = await callback(9, modal([label(textInput("t"), "")]));
      expect(errorsAt(unlabelled, "data.components.0.label")).toMatchObject([
        { code: "BASE_TYPE_BAD_LENGTH" },
      ]);
    });
  });

  describe("WHEN autocomplete choices break their limits", () => {
    const complete = () =>
      autocomplete({ name: "incident", subcommand: "show", focused: { name: "ref", value: "INC" } });

    it("THEN an empty name, a 101-character name or value, or 26 choices are refused", async () => {
      const answer = await callback(
        8,
        {
          choices: [
            { name: "", value: "INC-1" },
            { name: "n".repeat(101), value: "INC-2" },
            { name: "INC-3", value: "v".repeat(101) },
          ],
        },
        complete(),
      );
      expectInvalid(answer);
      expect(errorsAt(answer, "data.choices.0.name")).toMatchObject([{ code: "BASE_TYPE_BAD_LENGTH" }]);
      expect(errorsAt(answer, "data.choices.1.name")).toMatchObject([{ code: "BASE_TYPE_BAD_LENGTH" }]);
      expect(errorsAt(answer, "data.choices.2.value")).toEqual([
        { code: "BASE_TYPE_MAX_LENGTH", message: "Must be 100 or fewer in length." },
      ]);
      const choices = Array.from({ length: 26 }, (_, i) => ({ name: `INC-${i}`, value: `INC-${i}` }));
      const tooMany = await callback(8, { choices }, complete());
      expect(errorsAt(tooMany, "data.choices")).toMatchObject([{ code: "BASE_TYPE_MAX_LENGTH" }]);
      const fine = await callback(8, { choices: choices.slice(0, 25) }, complete());
      expect(fine.status).toBe(204);
    });
  });

  describe("WHEN commands are registered against the rules", () => {
    const register = (commands: unknown[]) =>
      call("PUT", `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`, commands);
    const command = (options: unknown[], extra: Record<string, unknown> = {}) => ({
      name: "incident",
      description: "Incidents",
      options,
      ...extra,
    });
    const stringOption = (extra: Record<string, unknown> = {}) => ({
      type: 3,
      name: "ref",
      description: "Ticket",
      ...extra,
    });

    it("THEN autocomplete together with choices is refused", async () => {
      const answer = await register([
        command([stringOption({ autocomplete: true, choices: [{ name: "INC-1", value: "INC-1" }] })]),
      ]);
      expectInvalid(answer);
      expect(errorsAt(answer, "0.options.0.autocomplete")).toMatchObject([
        { code: "APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES_EXCLUSIVE" },
      ]);
      expect(fake.commands(fake.guildId)).toEqual([]);
    });

    it("THEN max_length 0 or 6001 is refused and 1 or 6000 accepted; on an integer option it is refused", async () => {
      const zero = await register([command([stringOption({ max_length: 0 })])]);
      expect(errorsAt(zero, "0.options.0.max_length")).toMatchObject([{ code: "NUMBER_TYPE_MAX" }]);
      const over = await register([command([stringOption({ max_length: 6001, min_length: 6001 })])]);
      expect(errorsAt(over, "0.options.0.max_length")).toBeDefined();
      expect(errorsAt(over, "0.options.0.min_length")).toBeDefined();
      const integer = await register([command([{ type: 4, name: "n", description: "d", max_length: 5 }])]);
      expect(errorsAt(integer, "0.options.0.max_length")).toBeDefined();
      expect((await register([command([stringOption({ max_length: 6000, min_length: 1 })])])).status).toBe(
        200,
      );
    });

    it("THEN a command whose names, descriptions and choices exceed 8000 characters is refused", async () => {
      const choice = (i: number) => ({ name: `${i}`.padEnd(100, "n"), value: `${i}`.padEnd(100, "v") });
      const option = (i: number) =>
        stringOption({
          name: `opt${i}`,
          description: "d".repeat(100),
          choices: Array.from({ length: 25 }, (_, j) => choice(j)),
        });
      // Each option: 4 + 100 + 25 * 200 = 5104 characters, so two options exceed 8000.
      const answer = await register([command([option(1), option(2)])]);
      expectInvalid(answer);
      expect(errorsAt(answer, "0")).toEqual([
        { code: "APPLICATION_COMMAND_TOO_LARGE", message: "Command exceeds maximum size (8000)" },
      ]);
      expect((await register([command([option(1)])])).status).toBe(200);
    });

    it("THEN the longest localization counts towards the 8000", async () => {
      const choices = Array.from({ length: 25 }, (_, j) => ({ name: `c${j}`, value: "v".repeat(100) }));
      const options = (localized: boolean) =>
        Array.from({ length: 3 }, (_, i) =>
          stringOption({
            name: `o${i}`,
            ...(localized ? { name_localizations: { de: "x".repeat(32), fr: "x".repeat(10) } } : {}),
            description: "d".repeat(90),
            choices,
          }),
        );
      // Choices: 10 * (2 + 100) + 15 * (3 + 100) = 2565 per option; command "incident"/"Incidents": 17.
      // Plain: 17 + 3 * (2 + 90 + 2565) = 7988. With the 32-character German name: 17 + 3 * 2687 = 8078.
      expect((await register([command(options(false))])).status).toBe(200);
      const answer = await register([command(options(true))]);
      expect(errorsAt(answer, "0")).toMatchObject([{ code: "APPLICATION_COMMAND_TOO_LARGE" }]);
    });

    it("THEN names with capitals or spaces, repeated option names, or a string choice for an integer option are refused", async () => {
      const answer = await register([
        command([stringOption({ name: "Ref" }), stringOption({ name: "two words" })]),
        command([stringOption(), stringOption()], { name: "change" }),
        command([{ type: 4, name: "priority", description: "P", choices: [{ name: "High", value: "1" }] }], {
          name: "sla",
        }),
      ]);
      expectInvalid(answer);
      expect(errorsAt(answer, "0.options.0.name")).toMatchObject([
        { code: "APPLICATION_COMMAND_INVALID_NAME" },
      ]);
      expect(errorsAt(answer, "0.options.1.name")).toMatchObject([
        { code: "APPLICATION_COMMAND_INVALID_NAME" },
      ]);
      expect(errorsAt(answer, "1.options.1.name")).toMatchObject([
        { code: "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS" },
      ]);
      expect(errorsAt(answer, "2.options.0.choices.0.value")).toBeDefined();
      expect((await register([command([stringOption({ name: "réf_2" })])])).status).toBe(200);
    });
  });

  describe("WHEN a body holds a lone UTF-16 surrogate (an emoji cut in half)", () => {
    const cut = `${"x".repeat(149)}\u{1F525}`.slice(0, 150);

    it("THEN Discord's 500 comes back, with the reason in fake_error, and nothing is posted", async () => {
      const answer = await send({ content: cut });
      expect(answer.status).toBe(500);
      expect(answer.body).toMatchObject({ message: "500: Internal Server Error", code: 0 });
      expect(answer.body.fake_error).toContain("lone surrogate U+D83D at index 149 of /content");
      expect(fake.messagesIn(channelId)).toEqual([]);
    });

    it("THEN a modal prefilled with one does not open, wherever the surrogate sits", async () => {
      const answer = await callback(9, modal([label(textInput("title", { value: cut }))]));
      expect(answer.status).toBe(500);
      expect(answer.body.fake_error).toContain("/data/components/0/component/value");
      const inId = await send({ components: [row(button(`a:x:${"\u{DC00}"}`))] });
      expect(inId.status).toBe(500);
    });

    it("THEN a whole emoji, and a surrogate pair at the end, are fine", async () => {
      expect((await send({ content: `${cut}\u{DD25}` })).status).toBe(200);
    });
  });
});
