import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sendJson } from "./http-io.js";
import { handleResponseUrl } from "./response-url.js";
import { ApiRouter } from "./router.js";
import { SocketModeHub } from "./socket-mode.js";
import { SlackState } from "./state.js";
import type {
  FailureRule,
  FakeChannel,
  FakeEphemeral,
  FakeMessage,
  FakeSlackOptions,
  FakeUser,
  FakeView,
  RateLimitRule,
  RecordedCall,
  ResponseUrlContext,
  SeedChannel,
} from "./types.js";
import { receiveUpload, UPLOAD_PREFIX } from "./upload-url.js";
import { applyViewSubmissionAck, type ViewAckOutcome } from "./view-ack.js";

export { DEFAULTS } from "./state.js";
export type * from "./types.js";

const HOOKS_PREFIX = "/hooks/";

interface Waiter {
  method: string;
  predicate: (call: RecordedCall) => boolean;
  resolve: (call: RecordedCall) => void;
}

/** A local Slack: Web API under `/api/`, response_urls under `/hooks/`. Start it with {@link startFakeSlack}. */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  private readonly state: SlackState;
  private readonly router: ApiRouter;
  private readonly server: Server;
  private readonly waiters: Waiter[] = [];
  private origin = "";
  /** Socket Mode connections and envelopes (see socket-mode.ts). */
  readonly socketMode = new SocketModeHub();

  constructor(options: FakeSlackOptions = {}) {
    this.state = new SlackState(options);
    this.router = new ApiRouter(this.state, (call) => this.record(call));
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        sendJson(res, 500, { ok: false, error: "fatal_error", detail: String(error) });
      });
    });
  }

  /** Pass as Bolt's `clientOptions.slackApiUrl` / WebClient's `slackApiUrl`. Ends in `/api/`. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }
  get url(): string {
    return this.origin;
  }
  get botToken(): string {
    return this.state.botToken;
  }
  get appToken(): string {
    return this.state.appToken;
  }
  get teamId(): string {
    return this.state.teamId;
  }
  get teamDomain(): string {
    return this.state.teamDomain;
  }
  get botUserId(): string {
    return this.state.botUserId;
  }
  get botId(): string {
    return this.state.botId;
  }
  get appId(): string {
    return this.state.appId;
  }
  now(): number {
    return this.state.now();
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.origin = `http://127.0.0.1:${port}`;
    this.socketMode.attach(this.server, this.origin);
    this.state.issueSocketUrl = () => this.socketMode.issueUrl();
    this.state.uploadUrl = (fileId) => `${this.origin}${UPLOAD_PREFIX}${fileId}`;
  }

  async close(): Promise<void> {
    this.socketMode.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((e) => (e ? reject(e) : resolve())));
  }

  // ---- seeding -------------------------------------------------------------------------------------------
  addUser(user: FakeUser): FakeUser {
    return this.state.addUser(user);
  }
  addChannel(seed: SeedChannel): FakeChannel {
    return structuredClone(this.state.addChannel(seed));
  }

  // ---- interaction plumbing (used by SlackRequestSender) ---------------------------------------------------
  issueTriggerId(userId: string): string {
    return this.state.issueTrigger(userId);
  }
  issueResponseUrl(context: ResponseUrlContext): string {
    return this.responseUrlFor(this.state.issueResponseUrl(context));
  }
  responseUrlFor(id: string): string {
    return `${this.origin}${HOOKS_PREFIX}${id}`;
  }
  applyViewSubmissionAck(viewId: string, body: string): ViewAckOutcome {
    return applyViewSubmissionAck(this.state, viewId, body);
  }

  // ---- chaos ---------------------------------------------------------------------------------------------
  /** The next `times` calls to `method` answer HTTP 429 with `Retry-After: retryAfterSec`. */
  rateLimit(method: string, rule: RateLimitRule): void {
    this.router.chaos.rateLimits.set(method, { ...rule });
  }
  /** The next `times` (default 1) calls to `method` answer with `status` (e.g. 500, 503). */
  failNext(method: string, rule: FailureRule): void {
    this.router.chaos.failures.set(method, {
      status: rule.status,
      times: rule.times ?? 1,
      ...(rule.body !== undefined ? { body: rule.body } : {}),
      ...(rule.afterApplying ? { afterApplying: true } : {}),
    });
  }

  /**
   * The next `times` (default 1) calls to `method` are never answered; with `afterApplying` they take
   * effect first (the message is posted), as when the caller dies or times out after Slack committed.
   */
  stallNext(method: string, rule: { times?: number; afterApplying?: boolean } = {}): void {
    this.router.chaos.stalls.set(method, {
      times: rule.times ?? 1,
      afterApplying: rule.afterApplying ?? false,
    });
  }

  // ---- queries -------------------------------------------------------------------------------------------
  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first recorded call (past or future) to `method` that matches `predicate`. */
  waitForCall(
    method: string,
    predicate: (call: RecordedCall) => boolean = () => true,
    timeoutMs = 5_000,
  ): Promise<RecordedCall> {
    const existing = this.calls.find((c) => c.method === method && predicate(c));
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { method, predicate, resolve };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`FakeSlack: no ${method} call within ${timeoutMs} ms`));
      }, timeoutMs);
      waiter.resolve = (call) => {
        clearTimeout(timer);
        resolve(call);
      };
      this.waiters.push(waiter);
    });
  }

  /** Top-level messages of a channel in ts order, as they are now; thread parents carry their `replies`. */
  messagesIn(channel: string): FakeMessage[] {
    const all = [...this.state.messages.values()]
      .filter((m) => m.channel === channel)
      .sort((a, b) => Number(a.ts) - Number(b.ts))
      .map((m) => structuredClone(m));
    const isReply = (m: FakeMessage): boolean => m.thread_ts !== undefined && m.thread_ts !== m.ts;
    return all
      .filter((m) => !isReply(m))
      .map((m) => {
        const replies = all.filter((r) => isReply(r) && r.thread_ts === m.ts);
        return replies.length > 0 || m.thread_ts === m.ts ? { ...m, replies } : m;
      });
  }

  /** One message (top-level or reply) as it is now. */
  findMessage(channel: string, ts: string): FakeMessage | undefined {
    const found = this.state.message(channel, ts);
    return found ? structuredClone(found) : undefined;
  }

  ephemeralsIn(channel: string): FakeEphemeral[] {
    return this.state.ephemerals
      .filter((e) => e.channel === channel && !e.deleted)
      .map((e) => structuredClone(e));
  }

  channel(idOrName: string): FakeChannel | undefined {
    const found = [...this.state.channels.values()].find((c) => c.id === idOrName || c.name === idOrName);
    return found ? structuredClone(found) : undefined;
  }

  /** Open views, optionally only those of one user. */
  openViews(userId?: string): FakeView[] {
    return [...this.state.views.values()]
      .filter((v) => !v.closed && (userId === undefined || v.user === userId))
      .map((v) => structuredClone(v));
  }

  view(id: string): FakeView | undefined {
    const found = this.state.views.get(id);
    return found ? structuredClone(found) : undefined;
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    for (const waiter of [...this.waiters]) {
      if (waiter.method === call.method && waiter.predicate(call)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
    }
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.origin || "http://127.0.0.1");
    if (url.pathname.startsWith("/api/")) {
      const method = decodeURIComponent(url.pathname.slice("/api/".length));
      await this.router.handle(req, res, method, url.searchParams);
      return;
    }
    if (url.pathname.startsWith(HOOKS_PREFIX) && req.method === "POST") {
      const id = decodeURIComponent(url.pathname.slice(HOOKS_PREFIX.length));
      await handleResponseUrl(this.state, req, res, id, (call) => this.record(call));
      return;
    }
    if (url.pathname.startsWith(UPLOAD_PREFIX) && req.method === "POST") {
      const fileId = decodeURIComponent(url.pathname.slice(UPLOAD_PREFIX.length));
      await receiveUpload(this.state, req, res, fileId, (call) => this.record(call));
      return;
    }
    sendJson(res, 404, { ok: false, error: "not_found" });
  }

  /** The bot's direct conversation with a user, once there is one. */
  directChannelOf(userId: string): string | undefined {
    for (const channel of this.state.channels.values()) {
      if (channel.is_im && channel.members.includes(userId)) return channel.id;
    }
    return undefined;
  }

  /** The bytes uploaded for a file id, once its upload URL received them. */
  uploadedBytes(fileId: string): Buffer | undefined {
    return this.state.uploads.get(fileId)?.bytes;
  }
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const fake = new FakeSlack(options);
  await fake.listen();
  return fake;
}
