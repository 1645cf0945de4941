// The local Discord keeps uploaded attachments (bytes and description, the alt text) and refuses a
// description over 1024 characters, as Discord does; driven by the real discord.js.
import { ChannelType, type Client, DiscordAPIError, type TextChannel } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectClient } from "../../fakes/discord/client-harness.js";
import { type FakeDiscord, startFakeDiscord } from "../../fakes/discord/server.js";

describe("GIVEN discord.js sending a message with a file to the fake", () => {
  let fake: FakeDiscord;
  let client: Client;
  let channel: TextChannel;
  const bytes = Buffer.from("\x89PNG fake bytes");

  beforeEach(async () => {
    fake = await startFakeDiscord();
    client = (await connectClient(fake)).client;
    const fetched = await client.channels.fetch(fake.channelIds[0] ?? "");
    if (!fetched || fetched.type !== ChannelType.GuildText) throw new Error("not a text channel");
    channel = fetched;
  });
  afterEach(async () => {
    await client.destroy();
    await fake.close();
  });

  it("THEN the attachment keeps its description and its bytes", async () => {
    const sent = await channel.send({
      content: "The numbers",
      files: [{ attachment: bytes, name: "chart.png", description: "Bar chart: 3" }],
    });
    const [stored] = fake.messagesIn(channel.id);
    const [attachment] = (stored?.attachments ?? []) as {
      id: string;
      filename: string;
      description?: string;
    }[];
    expect(attachment).toMatchObject({ filename: "chart.png", description: "Bar chart: 3" });
    expect(fake.attachmentBytes(attachment?.id ?? "")).toEqual(bytes);
    expect(sent.attachments.first()?.description).toBe("Bar chart: 3");
  });

  it("THEN a description over 1024 characters is 50035 Invalid Form Body and nothing is posted", async () => {
    const failure = await channel
      .send({ files: [{ attachment: bytes, name: "chart.png", description: "x".repeat(1025) }] })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DiscordAPIError);
    expect((failure as DiscordAPIError).code).toBe(50035);
    expect(fake.messagesIn(channel.id)).toEqual([]);
  });
});
