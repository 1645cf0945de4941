// The local Slack's external upload flow (files.getUploadURLExternal, the upload URL,
// files.completeUploadExternal) refuses what Slack refuses, driven by the real WebClient.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULTS, type FakeSlack, startFakeSlack } from "../../fakes/slack/server.js";
import { slackErrorOf, webClient } from "./slack-test-kit.js";

const GENERAL = DEFAULTS.generalChannelId;
const ALICE = DEFAULTS.aliceUserId;
const bytes = Buffer.from("\x89PNG fake bytes");

describe("GIVEN the local Slack's file upload flow", () => {
  let fake: FakeSlack;
  beforeEach(async () => {
    fake = await startFakeSlack();
  });
  afterEach(async () => {
    await fake.close();
  });

  async function announce(args: Record<string, unknown>) {
    return (await webClient(fake).apiCall("files.getUploadURLExternal", args)) as unknown as {
      upload_url: string;
      file_id: string;
    };
  }

  it("THEN an announced, uploaded and completed file is shared with its text and alt text", async () => {
    const ticket = await announce({ filename: "chart.png", length: bytes.length, alt_txt: "Bar chart: 3" });
    const uploaded = await fetch(ticket.upload_url, { method: "POST", body: bytes });
    expect([uploaded.status, await uploaded.text()]).toEqual([200, `OK - ${bytes.length}`]);
    await webClient(fake).files.completeUploadExternal({
      files: [{ id: ticket.file_id, title: "Chart" }],
      channel_id: GENERAL,
      initial_comment: "The numbers",
    });
    const [message] = fake.messagesIn(GENERAL);
    expect(message).toMatchObject({
      text: "The numbers",
      files: [{ id: ticket.file_id, name: "chart.png", title: "Chart", alt_txt: "Bar chart: 3" }],
    });
    expect(fake.uploadedBytes(ticket.file_id)).toEqual(bytes);
  });

  it("THEN a user id in `channels` shares the file in the app's direct conversation with them", async () => {
    const ticket = await announce({ filename: "chart.png", length: bytes.length });
    await fetch(ticket.upload_url, { method: "POST", body: bytes });
    await webClient(fake).apiCall("files.completeUploadExternal", {
      files: JSON.stringify([{ id: ticket.file_id }]),
      channels: ALICE,
    });
    const dm = fake.directChannelOf(ALICE);
    expect(dm && fake.messagesIn(dm)[0]?.files?.[0]?.id).toBe(ticket.file_id);
  });

  it("THEN a zero length, a missing name and alt text over 1000 characters are refused", async () => {
    const client = webClient(fake);
    expect(
      await slackErrorOf(client.apiCall("files.getUploadURLExternal", { filename: "a.png", length: 0 })),
    ).toBe("missing_argument");
    expect(await slackErrorOf(client.apiCall("files.getUploadURLExternal", { length: 3 }))).toBe(
      "invalid_arguments",
    );
    expect(
      await slackErrorOf(
        client.apiCall("files.getUploadURLExternal", {
          filename: "a.png",
          length: 3,
          alt_txt: "x".repeat(1001),
        }),
      ),
    ).toBe("alt_txt_too_large");
  });

  it("THEN bytes that differ from the announced length are refused and the file cannot be completed", async () => {
    const ticket = await announce({ filename: "chart.png", length: bytes.length + 1 });
    expect((await fetch(ticket.upload_url, { method: "POST", body: bytes })).status).toBe(400);
    expect(
      await slackErrorOf(
        webClient(fake).files.completeUploadExternal({
          files: [{ id: ticket.file_id }],
          channel_id: GENERAL,
        }),
      ),
    ).toBe("file_not_found");
    expect(fake.messagesIn(GENERAL)).toEqual([]);
  });

  it("THEN a file is shared once: completing it again is file_not_found, and an unknown channel is refused", async () => {
    const ticket = await announce({ filename: "chart.png", length: bytes.length });
    await fetch(ticket.upload_url, { method: "POST", body: bytes });
    const client = webClient(fake);
    expect(
      await slackErrorOf(
        client.files.completeUploadExternal({ files: [{ id: ticket.file_id }], channel_id: "C0NOPE" }),
      ),
    ).toBe("channel_not_found");
    await client.files.completeUploadExternal({ files: [{ id: ticket.file_id }], channel_id: GENERAL });
    expect(
      await slackErrorOf(
        client.files.completeUploadExternal({ files: [{ id: ticket.file_id }], channel_id: GENERAL }),
      ),
    ).toBe("file_not_found");
  });
});
