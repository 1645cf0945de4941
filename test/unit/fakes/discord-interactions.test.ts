import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type Client,
  DiscordAPIError,
  Events,
  type Interaction,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  autocomplete,
  buttonClick,
  messageCommand,
  modalSubmit,
  slashCommand,
} from "../../fakes/discord/builders/interactions.js";
import { connectClient } from "../../fakes/discord/client-harness.js";
import { type FakeDiscord, startFakeDiscord } from "../../fakes/discord/server.js";

type Handler = (interaction: Interaction) => Promise<void>;

describe("GIVEN a ready discord.js client connected to the fake", () => {
  let fake: FakeDiscord;
  let client: Client;
  let handler: Handler;
  const handlerErrors: unknown[] = [];

  beforeEach(async () => {
    fake = await startFakeDiscord();
    client = (await connectClient(fake)).client;
    handlerErrors.length = 0;
    client.on(Events.InteractionCreate, (interaction) => {
      handler(interaction).catch((error: unknown) => handlerErrors.push(error));
    });
  });

  afterEach(async () => {
    await client.destroy();
    await fake.close();
  });

  describe("WHEN a slash command with a subcommand arrives and the bot replies", () => {
    it("THEN the reply is a type 4 callback and a message in the channel", async () => {
      const seen: string[] = [];
      handler = async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        seen.push(interaction.options.getSubcommand(), interaction.options.getString("title", true));
        seen.push(String(interaction.options.getInteger("priority")));
        await interaction.reply({ content: "INC-1 opened" });
      };

      const sent = fake.sendInteraction(
        slashCommand({ name: "incident", subcommand: "open", options: { title: "Mail down", priority: 2 } }),
      );
      const callback = await fake.waitForInteractionResponse(sent.id);

      expect(seen).toEqual(["open", "Mail down", "2"]);
      expect(callback.type).toBe(4);
      const channelId = fake.channelIds[0] ?? "";
      expect(fake.messagesIn(channelId).map((message) => message.content)).toEqual(["INC-1 opened"]);
      expect(handlerErrors).toEqual([]);
    });
  });

  describe("WHEN the bot defers and then edits its reply", () => {
    it("THEN the deferred message loses its loading state and carries the edited content", async () => {
      handler = async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await interaction.deferReply();
        await interaction.editReply({ content: "Working on it: INC-2" });
      };

      const sent = fake.sendInteraction(slashCommand({ name: "incident" }));
      const edit = await fake.waitForInteractionResponse(sent.id, 5_000, "edit-original");

      expect(fake.interactionResponses(sent.id).map((record) => record.kind)).toEqual([
        "callback",
        "edit-original",
      ]);
      expect(fake.interactionResponses(sent.id)[0]?.type).toBe(5);
      const message = fake.message(edit.messageId ?? "");
      expect(message?.content).toBe("Working on it: INC-2");
      expect((message?.flags ?? 0) & 128).toBe(0);
      // discord.js percent-encodes `@original` on the wire.
      const rawEdit = fake.calls.find((call) => call.method === "PATCH" && call.path.endsWith("/@original"));
      expect(rawEdit?.rawPath).toContain("%40original");
      expect(rawEdit?.authorization).toBeUndefined();
    });
  });

  describe("WHEN the clicked button is on an older message, not the newest", () => {
    it("THEN the click comes from that message, and a button that is nowhere is named in a clear error", async () => {
      const channelId = fake.channelIds[0] ?? "";
      const row = (id: string) => ({
        type: 1,
        components: [
          { type: 2, style: 2, custom_id: id, label: "Go" },
          { type: 2, style: 5, url: "https://example.com/runbook", label: "Runbook" },
        ],
      });
      const older = fake.seedMessage(channelId, { content: "INC-1", components: [row("incident:ack:1")] });
      fake.seedMessage(channelId, { content: "INC-2", components: [row("incident:ack:2")] });
      fake.seedMessage(channelId, { content: "a plain line" });
      let clickedOn = "";
      handler = async (interaction) => {
        if (!interaction.isButton()) return;
        clickedOn = interaction.message.id;
        await interaction.deferUpdate();
      };

      const sent = fake.sendInteraction(buttonClick({ customId: "incident:ack:1", channelId }));
      await fake.waitForInteractionResponse(sent.id);

      expect(clickedOn).toBe(older.id);
      expect(() => fake.sendInteraction(buttonClick({ customId: "incident:ack:404", channelId }))).toThrow(
        `fake discord: no message with a component "incident:ack:404" in channel ${channelId}`,
      );
    });
  });

  describe("WHEN a button on a bot message is clicked and the bot updates the message", () => {
    it("THEN the callback is type 7 and the message is edited in place", async () => {
      const channelId = fake.channelIds[0] ?? "";
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder()
          .setCustomId("incident:ack:1")
          .setLabel("Acknowledge")
          .setStyle(ButtonStyle.Primary),
      );
      const posted = fake.seedMessage(channelId, {
        content: "INC-1 needs an owner",
        components: [row.toJSON()],
      });
      handler = async (interaction) => {
        if (!interaction.isButton() || interaction.customId !== "incident:ack:1") return;
        await interaction.update({
          content: `INC-1 acknowledged by <@${interaction.user.id}>`,
          components: [],
        });
      };

      const sent = fake.sendInteraction(buttonClick({ customId: "incident:ack:1" }));
      const callback = await fake.waitForInteractionResponse(sent.id);

      expect(callback.type).toBe(7);
      expect(fake.message(posted.id)?.content).toBe(`INC-1 acknowledged by <@${fake.userId}>`);
      expect(fake.message(posted.id)?.components).toEqual([]);
      expect(fake.message(posted.id)?.edited_timestamp).not.toBeNull();
    });
  });

  describe("WHEN a button opens a modal and the modal is submitted", () => {
    it("THEN the modal is a type 9 callback and the submitted fields reach the bot", async () => {
      const channelId = fake.channelIds[0] ?? "";
      fake.seedMessage(channelId, {
        content: "INC-3",
        components: [
          { type: 1, components: [{ type: 2, style: 2, custom_id: "incident:note:3", label: "Add note" }] },
        ],
      });
      let note = "";
      handler = async (interaction) => {
        if (interaction.isButton()) {
          const input = new TextInputBuilder()
            .setCustomId("note")
            .setLabel("Note")
            .setStyle(TextInputStyle.Paragraph);
          await interaction.showModal(
            new ModalBuilder()
              .setCustomId("incident:note-modal:3")
              .setTitle("Add a work note")
              .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input)),
          );
        } else if (interaction.isModalSubmit()) {
          note = interaction.fields.getTextInputValue("note");
          await interaction.reply({ content: "Note added", flags: 64 });
        }
      };

      const click = fake.sendInteraction(buttonClick({ customId: "incident:note:3" }));
      expect((await fake.waitForInteractionResponse(click.id)).type).toBe(9);
      const submit = fake.sendInteraction(
        modalSubmit({ customId: "incident:note-modal:3", fields: { note: "Rebooted the relay" } }),
      );
      const reply = await fake.waitForInteractionResponse(submit.id);

      expect(note).toBe("Rebooted the relay");
      expect(reply.type).toBe(4);
      expect(fake.message(reply.messageId ?? "")?.flags).toBe(64);
    });
  });

  describe("WHEN a message context-menu command and an autocomplete arrive", () => {
    it("THEN the bot sees the target message and its autocomplete choices are recorded", async () => {
      const channelId = fake.channelIds[1] ?? "";
      const target = fake.seedMessage(channelId, { content: "printer on fire" });
      let targetContent = "";
      handler = async (interaction) => {
        if (interaction.isMessageContextMenuCommand()) {
          targetContent = interaction.targetMessage.content;
          await interaction.reply({ content: "Incident raised from message" });
        } else if (interaction.isAutocomplete()) {
          const typed = interaction.options.getFocused();
          await interaction.respond([{ name: `Service ${typed}`, value: `svc-${typed}` }]);
        }
      };

      const menu = fake.sendInteraction(
        messageCommand({ name: "Raise incident", targetMessageId: target.id, channelId }),
      );
      await fake.waitForInteractionResponse(menu.id);
      const typing = fake.sendInteraction(
        autocomplete({ name: "incident", subcommand: "open", focused: { name: "service", value: "mail" } }),
      );
      const choices = await fake.waitForInteractionResponse(typing.id);

      expect(targetContent).toBe("printer on fire");
      expect(choices.type).toBe(8);
      expect(choices.body).toEqual({
        type: 8,
        data: { choices: [{ name: "Service mail", value: "svc-mail" }] },
      });
    });
  });

  describe("WHEN the bot replies and then follows up", () => {
    it("THEN the follow-up is recorded against the interaction", async () => {
      handler = async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await interaction.reply({ content: "first" });
        await interaction.followUp({ content: "second" });
      };
      const sent = fake.sendInteraction(slashCommand({ name: "incident" }));
      const followup = await fake.waitForInteractionResponse(sent.id, 5_000, "followup");
      expect(fake.message(followup.messageId ?? "")?.content).toBe("second");
    });
  });

  describe("WHEN an interaction is answered twice", () => {
    it("THEN the second callback is refused with 400 and code 40060", async () => {
      handler = async (interaction) => {
        if (interaction.isChatInputCommand()) await interaction.reply({ content: "once" });
      };
      const sent = fake.sendInteraction(slashCommand({ name: "incident" }));
      await fake.waitForInteractionResponse(sent.id);

      const second = await fetch(`${fake.restBase}/v10/interactions/${sent.id}/${sent.token}/callback`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: 4, data: { content: "twice" } }),
      });

      expect(second.status).toBe(400);
      expect(await second.json()).toMatchObject({
        code: 40060,
        message: "Interaction has already been acknowledged.",
      });
    });
  });

  describe("WHEN the interaction token is used more than 15 minutes later", () => {
    it("THEN editing @original is refused with 401 Invalid Webhook Token (50027)", async () => {
      handler = async (interaction) => {
        if (interaction.isChatInputCommand()) await interaction.deferReply();
      };
      const sent = fake.sendInteraction(slashCommand({ name: "incident" }));
      await fake.waitForInteractionResponse(sent.id);
      fake.advanceTime(15 * 60 * 1_000 + 1);

      const late = await fetch(
        `${fake.restBase}/v10/webhooks/${fake.applicationId}/${sent.token}/messages/%40original`,
        {
          method: "PATCH",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ content: "finally" }),
        },
      );

      expect(late.status).toBe(401);
      expect(await late.json()).toMatchObject({ code: 50027 });
    });
  });

  describe("WHEN the bot answers more than 3 s after the interaction was issued", () => {
    it("THEN discord.js gets 404 Unknown interaction (10062)", async () => {
      let failure: unknown;
      handler = async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await interaction.reply({ content: "too late" }).catch((error: unknown) => {
          failure = error;
        });
      };
      fake.sendInteraction(slashCommand({ name: "incident" }));
      fake.advanceTime(3_001);

      await expect.poll(() => failure, { timeout: 3_000 }).toBeInstanceOf(DiscordAPIError);
      expect(failure).toMatchObject({ code: 10062, status: 404 });
    });
  });
});
