import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { buildInteraction } from "./builders/interaction-payload.js";
import type { InteractionSpec } from "./builders/interactions.js";
import { newMessage } from "./entities.js";
import { FakeGateway } from "./gateway/gateway.js";
import { Chaos, compileRoute } from "./http/chaos.js";
import { createRestListener } from "./http/rest-server.js";
import {
  type PostInteractionOptions,
  type PostInteractionResult,
  postInteraction,
} from "./http-interactions.js";
import type { JsonRecord } from "./json.js";
import { directMessageChannel } from "./rest/direct-messages.js";
import { buildRouter } from "./router-setup.js";
import { FakeState, type StoredCommand } from "./state.js";
import type {
  FakeChannel,
  FakeDiscordOptions,
  FakeMessage,
  InteractionResponseKind,
  InteractionResponseRecord,
  RecordedCall,
  RouteMatcher,
} from "./types.js";

export interface SentInteraction {
  id: string;
  token: string;
  /** The INTERACTION_CREATE `d` exactly as dispatched. */
  payload: JsonRecord;
}

export interface RateLimitOptions {
  times?: number;
  retryAfterSec?: number;
  global?: boolean;
}

export interface FailNextOptions {
  status?: number;
  times?: number;
  body?: unknown;
  /** Apply the request (post the message) and only then answer with the failure. */
  afterApplying?: boolean;
}

function waitFor<T>(
  events: NodeJS.EventEmitter,
  event: string,
  find: () => T | undefined,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const found = find();
  if (found !== undefined) return Promise.resolve(found);
  return new Promise<T>((resolve, reject) => {
    const listener = (): void => {
      const value = find();
      if (value === undefined) return;
      clearTimeout(timer);
      events.off(event, listener);
      resolve(value);
    };
    const timer = setTimeout(() => {
      events.off(event, listener);
      reject(new Error(`fake discord: timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    events.on(event, listener);
  });
}

/** A local Discord (REST v10 + JSON gateway) for driving the real discord.js client in tests. */
export class FakeDiscord {
  private constructor(
    private readonly state: FakeState,
    private readonly server: Server,
    private readonly gateway: FakeGateway,
    private readonly chaos: Chaos,
    /** `http://127.0.0.1:PORT/api`: pass as `new Client({ rest: { api: restBase } })`. */
    readonly restBase: string,
    /** `ws://127.0.0.1:PORT`: returned by `GET /gateway/bot`, so discord.js finds it by itself. */
    readonly gatewayUrl: string,
  ) {}

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const state = new FakeState(options);
    const chaos = new Chaos();
    const gateway = new FakeGateway(state);
    const listener = createRestListener(state, buildRouter(), chaos);
    const server = createServer((request, response) => void listener(request, response));
    server.on("upgrade", (request, socket, head) => gateway.handleUpgrade(request, socket, head));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    state.gatewayUrl = `ws://127.0.0.1:${port}`;
    return new FakeDiscord(state, server, gateway, chaos, `http://127.0.0.1:${port}/api`, state.gatewayUrl);
  }

  get token(): string {
    return this.state.config.token;
  }
  get applicationId(): string {
    return this.state.config.applicationId;
  }
  get botUserId(): string {
    return this.state.config.bot.id;
  }
  get userId(): string {
    return this.state.config.human.id;
  }
  get guildId(): string {
    return this.state.config.guildId;
  }
  /** Ids of the seeded text channels, in seed order. */
  get channelIds(): string[] {
    return [...this.state.channels.values()]
      .filter((channel) => channel.type === 0)
      .map((channel) => channel.id);
  }
  /** Every REST call so far, oldest first. */
  get calls(): readonly RecordedCall[] {
    return this.state.calls;
  }
  /** Identified gateway sessions with an open socket. */
  get gatewaySessions(): number {
    return this.gateway.connectedSessions;
  }

  /** Current messages of a channel (or thread), oldest first, with edits applied and deletions removed. */
  messagesIn(channelId: string): FakeMessage[] {
    return [...this.state.messagesIn(channelId)];
  }

  message(messageId: string): FakeMessage | undefined {
    return this.state.findMessage(messageId);
  }

  channel(channelId: string): FakeChannel | undefined {
    return this.state.channels.get(channelId);
  }

  /** What the bot sent a user privately (its direct-message channel with them), oldest first. */
  directMessagesTo(userId: string): FakeMessage[] {
    const channel = directMessageChannel(this.state.channels.values(), userId);
    return channel ? this.messagesIn(channel.id) : [];
  }

  /** The bytes of an uploaded attachment, by attachment id. */
  attachmentBytes(attachmentId: string): Buffer | undefined {
    return this.state.attachmentData.get(attachmentId);
  }

  /** Registered commands: global ones, or those of a guild. */
  commands(guildId?: string): StoredCommand[] {
    return guildId ? [...(this.state.guildCommands.get(guildId) ?? [])] : [...this.state.globalCommands];
  }

  /** Callbacks, `@original` edits and follow-ups for one interaction, in order. */
  interactionResponses(interactionId: string): InteractionResponseRecord[] {
    return [...(this.state.interactions.get(interactionId)?.responses ?? [])];
  }

  /** Puts a bot message into a channel without a REST call, e.g. one carrying buttons to click. */
  seedMessage(channelId: string, data: JsonRecord): FakeMessage {
    const message = newMessage({
      id: this.state.ids.next(),
      channelId,
      guildId: this.state.config.guildId,
      author: this.state.botUser(),
      data,
      timestamp: this.state.isoNow(),
    });
    this.state.messagesIn(channelId).push(message);
    return message;
  }

  /** Dispatches INTERACTION_CREATE to every identified gateway session; the 3 s deadline starts now. */
  sendInteraction(spec: InteractionSpec): SentInteraction {
    if (this.gateway.connectedSessions === 0) {
      throw new Error("fake discord: no identified gateway session; await the client's `ready` first");
    }
    const sent = this.createInteraction(spec);
    this.state.dispatch("INTERACTION_CREATE", sent.payload);
    return sent;
  }

  /** Registers an interaction without delivering it (HTTP mode delivers it with `deliverOverHttp`). */
  createInteraction(spec: InteractionSpec): SentInteraction {
    const built = buildInteraction(this.state, spec);
    return { id: built.state.id, token: built.state.token, payload: built.payload };
  }

  /** Dispatches the same INTERACTION_CREATE again, as a gateway resume that replays events does. */
  redispatch(sent: SentInteraction): void {
    this.state.dispatch("INTERACTION_CREATE", sent.payload);
  }

  /**
   * HTTP interactions mode: signs and POSTs the interaction to the app's endpoint, then does Discord's
   * part with the HTTP answer: a callback-shaped answer (defer, modal, message) becomes the interaction's
   * initial response, exactly as if the app had POSTed it to the callback route. Webhook edits the app
   * sends meanwhile wait until that answer is applied. Posting an interaction that was already answered
   * (a replay) applies a second answer only if the app gives one, which the callback route refuses.
   */
  async deliverOverHttp(
    url: string,
    sent: SentInteraction,
    options: PostInteractionOptions = {},
  ): Promise<PostInteractionResult> {
    const interaction = this.state.interactions.get(sent.id);
    let applied: () => void = () => {};
    if (interaction && !interaction.acknowledged && interaction.httpAnswer === undefined) {
      interaction.httpAnswer = new Promise<void>((resolve) => {
        applied = resolve;
      });
    }
    try {
      const answer = await postInteraction(url, sent.payload, options);
      const body = answer.json as { type?: unknown } | undefined;
      if (answer.status === 200 && typeof body?.type === "number" && body.type !== 1) {
        await fetch(`${this.restBase}/v10/interactions/${sent.id}/${sent.token}/callback`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: answer.text,
        }).then((response) => response.arrayBuffer());
      }
      return answer;
    } finally {
      applied();
    }
  }

  /** A channel or thread by its name (threads are channels too). */
  channelNamed(name: string): FakeChannel | undefined {
    return [...this.state.channels.values()].find((channel) => channel.name === name);
  }

  /** User ids that joined (or were added to) a thread, the bot included. */
  threadMembers(threadId: string): string[] {
    return [...(this.state.threadMembers.get(threadId) ?? [])];
  }

  /** Resolves with the first response of `kind` (default: the initial callback) for an interaction. */
  waitForInteractionResponse(
    interactionId: string,
    timeoutMs = 5_000,
    kind: InteractionResponseKind = "callback",
  ): Promise<InteractionResponseRecord> {
    return waitFor(
      this.state.events,
      "interaction-response",
      () => this.interactionResponses(interactionId).find((record) => record.kind === kind),
      timeoutMs,
      `a ${kind} for interaction ${interactionId}`,
    );
  }

  /** Resolves with the first recorded REST call (past or future) matching the predicate. */
  waitForCall(predicate: (call: RecordedCall) => boolean, timeoutMs = 5_000): Promise<RecordedCall> {
    return waitFor(
      this.state.events,
      "call",
      () => this.state.calls.find(predicate),
      timeoutMs,
      "a matching REST call",
    );
  }

  /**
   * The next `times` (default 1) requests matching `route` get 429. `route` is `"POST /channels/:id/messages"`
   * (method optional; `:x` and `*` match one segment) or a predicate over `{ method, path }`.
   */
  rateLimit(route: RouteMatcher, options: RateLimitOptions = {}): void {
    this.chaos.add({
      kind: "rate-limit",
      matches: compileRoute(route),
      remaining: options.times ?? 1,
      retryAfterSec: options.retryAfterSec ?? 0.25,
      global: options.global ?? false,
    });
  }

  /** The next `times` (default 1) requests matching `route` fail with `status` (default 500). */
  failNext(route: RouteMatcher, options: FailNextOptions = {}): void {
    this.chaos.add({
      kind: "failure",
      matches: compileRoute(route),
      remaining: options.times ?? 1,
      status: options.status ?? 500,
      body: options.body ?? { message: "500: Internal Server Error", code: 0 },
      afterApplying: options.afterApplying ?? false,
    });
  }

  /**
   * Grants or takes away the bot's PIN_MESSAGES permission: without it the pin route answers 403 Missing
   * Permissions (50013), as Discord does since 2026-02-23.
   */
  setBotCanPin(canPin: boolean): void {
    this.state.botCanPin = canPin;
  }

  /** Moves the fake's clock: past 3 s an unanswered interaction is unknown; past 15 min its token is dead. */
  advanceTime(ms: number): void {
    this.state.advanceTime(ms);
  }

  /** Sends op 7 RECONNECT to every session; discord.js reconnects and RESUMEs. */
  requestGatewayReconnect(): void {
    this.gateway.requestReconnect();
  }

  async close(): Promise<void> {
    await this.gateway.close();
    // undici keeps connections alive; without this `server.close` waits for them to idle out.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function startFakeDiscord(options?: FakeDiscordOptions): Promise<FakeDiscord> {
  return FakeDiscord.start(options);
}
