import { createHmac } from "node:crypto";
import { slackId } from "./ids.js";
import {
  type BlockActionInput,
  blockActionPayload,
  type CommandInput,
  commandFields,
  eventEnvelope,
  type MessageShortcutInput,
  messageShortcutPayload,
  type ViewSubmissionInput,
  viewSubmissionPayload,
} from "./payloads.js";
import type { FakeSlack } from "./server.js";

export type {
  BlockActionInput,
  CommandInput,
  MessageShortcutInput,
  ViewSubmissionInput,
} from "./payloads.js";

/** Slack request signing: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the signing secret. */
export function signSlackRequest(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SendOptions {
  /** Sign with a different secret, so the signature does not match. */
  badSignature?: boolean;
  /** Shift X-Slack-Request-Timestamp by this many seconds (negative: past, positive: future). */
  skewSeconds?: number;
  retryNum?: number;
  retryReason?: string;
}

export interface SendResult {
  status: number;
  body: string;
  triggerId: string | undefined;
  responseUrl: string | undefined;
  /** The payload as sent (the form fields for commands). */
  payload: Record<string, unknown>;
}

export interface SlackRequestSenderOptions {
  /** The app's request URL, e.g. `http://127.0.0.1:PORT/slack/events`. */
  url: string;
  signingSecret: string;
  fake: FakeSlack;
  /** Wall clock for X-Slack-Request-Timestamp; the app checks it against its own clock. Default Date.now. */
  now?: () => number;
}

// Bolt's HTTPReceiver compares the Content-Type with `===`: a "; charset=…" suffix makes it parse the form as
// JSON and fail (receivers/HTTPModuleFunctions.js, parseHTTPRequestBody). Slack sends the bare type.
const FORM = "application/x-www-form-urlencoded";

/** Sends what Slack sends to an app's request URL, signed, with trigger_ids and response_urls from the fake. */
export class SlackRequestSender {
  constructor(private readonly options: SlackRequestSenderOptions) {}

  async command(input: CommandInput, send: SendOptions = {}): Promise<SendResult> {
    const { fake } = this.options;
    const triggerId = fake.issueTriggerId(input.userId);
    const responseUrl = fake.issueResponseUrl({ channelId: input.channelId, userId: input.userId });
    const fields = commandFields(fake, input, triggerId, responseUrl);
    const result = await this.post(new URLSearchParams(fields).toString(), FORM, send);
    return { ...result, triggerId, responseUrl, payload: fields };
  }

  async blockAction(input: BlockActionInput, send: SendOptions = {}): Promise<SendResult> {
    const { fake } = this.options;
    const triggerId = fake.issueTriggerId(input.userId);
    // Actions inside modals carry no response_url.
    const responseUrl =
      input.viewId === undefined
        ? fake.issueResponseUrl({
            channelId: input.channelId,
            userId: input.userId,
            ...(input.messageTs !== undefined ? { messageTs: input.messageTs } : {}),
            ...(input.isEphemeral !== undefined ? { isEphemeral: input.isEphemeral } : {}),
          })
        : undefined;
    const payload = blockActionPayload(fake, input, triggerId, responseUrl);
    return { ...(await this.postPayload(payload, send)), triggerId, responseUrl, payload };
  }

  /** Also applies the app's answer to the fake's modal (closed on empty ack, updated, pushed, errors kept). */
  async viewSubmission(input: ViewSubmissionInput, send: SendOptions = {}): Promise<SendResult> {
    const { fake } = this.options;
    const view =
      input.viewId !== undefined
        ? fake.view(input.viewId)
        : fake.openViews(input.userId).findLast((v) => v.callback_id === input.callbackId);
    const triggerId = fake.issueTriggerId(input.userId);
    const payload = viewSubmissionPayload(fake, input, view, triggerId);
    const result = await this.postPayload(payload, send);
    if (view && result.status === 200) fake.applyViewSubmissionAck(view.id, result.body);
    return { ...result, triggerId, responseUrl: undefined, payload };
  }

  async messageShortcut(input: MessageShortcutInput, send: SendOptions = {}): Promise<SendResult> {
    const { fake } = this.options;
    const triggerId = fake.issueTriggerId(input.userId);
    const responseUrl = fake.issueResponseUrl({
      channelId: input.channelId,
      userId: input.userId,
      messageTs: input.message.ts,
    });
    const payload = messageShortcutPayload(fake, input, triggerId, responseUrl);
    return { ...(await this.postPayload(payload, send)), triggerId, responseUrl, payload };
  }

  /**
   * An Events API delivery. Pass the same `eventId` with `retryNum` to imitate Slack's redelivery
   * (up to 3 retries with X-Slack-Retry-Num / X-Slack-Retry-Reason).
   */
  async event(
    event: { type: string } & Record<string, unknown>,
    send: SendOptions & { eventId?: string } = {},
  ): Promise<SendResult & { eventId: string }> {
    const eventId = send.eventId ?? slackId("Ev");
    const payload = eventEnvelope(this.options.fake, event, eventId);
    const result = await this.post(JSON.stringify(payload), "application/json", send);
    return { ...result, triggerId: undefined, responseUrl: undefined, payload, eventId };
  }

  /** The one-time handshake Slack sends when the request URL is saved; the app must echo `challenge`. */
  async urlVerification(challenge: string, send: SendOptions = {}): Promise<SendResult> {
    const payload = { token: "fake-verification-token", challenge, type: "url_verification" };
    const result = await this.post(JSON.stringify(payload), "application/json", send);
    return { ...result, triggerId: undefined, responseUrl: undefined, payload };
  }

  private postPayload(
    payload: Record<string, unknown>,
    send: SendOptions,
  ): Promise<{ status: number; body: string }> {
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM, send);
  }

  /** Any body, signed as Slack signs it: for payloads Slack would never send (hostile or broken). */
  signed(
    body: string,
    contentType = FORM,
    send: SendOptions = {},
  ): Promise<{ status: number; body: string }> {
    return this.post(body, contentType, send);
  }

  private async post(
    body: string,
    contentType: string,
    send: SendOptions,
  ): Promise<{ status: number; body: string }> {
    const now = this.options.now ?? Date.now;
    const timestamp = Math.floor(now() / 1000) + (send.skewSeconds ?? 0);
    const secret = send.badSignature ? `${this.options.signingSecret}-wrong` : this.options.signingSecret;
    const headers: Record<string, string> = {
      "content-type": contentType,
      "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signSlackRequest(secret, timestamp, body),
    };
    if (send.retryNum !== undefined) headers["x-slack-retry-num"] = String(send.retryNum);
    if (send.retryReason !== undefined) headers["x-slack-retry-reason"] = send.retryReason;
    const response = await fetch(this.options.url, { method: "POST", headers, body });
    return { status: response.status, body: await response.text() };
  }
}
