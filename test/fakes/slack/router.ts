import type { IncomingMessage, ServerResponse } from "node:http";
import * as chat from "./api/chat.js";
import * as conversations from "./api/conversations.js";
import * as files from "./api/files.js";
import * as history from "./api/history.js";
import type { MethodHandler } from "./api/method.js";
import * as views from "./api/views.js";
import * as workspace from "./api/workspace.js";
import {
  decodeJsonFields,
  loneSurrogateError,
  mediaType,
  parseBody,
  readRawBody,
  sendJson,
} from "./http-io.js";
import type { SlackState } from "./state.js";
import type { Args, FailureRule, RateLimitRule, RecordedCall } from "./types.js";

const HANDLERS: Record<string, MethodHandler> = {
  "apps.connections.open": workspace.appsConnectionsOpen,
  "auth.test": workspace.authTest,
  "chat.postMessage": chat.postMessage,
  "chat.update": chat.update,
  "chat.postEphemeral": chat.postEphemeral,
  "chat.getPermalink": chat.getPermalink,
  "chat.delete": chat.deleteMessage,
  "views.open": views.open,
  "views.update": views.update,
  "views.push": views.push,
  "conversations.create": conversations.create,
  "conversations.invite": conversations.invite,
  "conversations.join": conversations.join,
  "conversations.info": conversations.info,
  "conversations.history": history.history,
  "conversations.replies": history.replies,
  "conversations.setTopic": conversations.setTopic,
  "files.getUploadURLExternal": files.getUploadURLExternal,
  "files.completeUploadExternal": files.completeUploadExternal,
  "files.list": files.filesList,
  "pins.add": workspace.pinsAdd,
  "users.info": workspace.usersInfo,
  "reactions.add": workspace.reactionsAdd,
};

export const SUPPORTED_METHODS = Object.keys(HANDLERS);

interface Chaos {
  rateLimits: Map<string, RateLimitRule>;
  /** Calls that are applied (or not) and then never answered, like a platform that hangs mid-request. */
  stalls: Map<string, { times: number; afterApplying: boolean }>;
  failures: Map<
    string,
    Required<Pick<FailureRule, "status" | "times">> & { body?: string; afterApplying?: boolean }
  >;
}

type TokenSource = { token: string | undefined; auth: RecordedCall["auth"] };

/**
 * A token is read from `Authorization: Bearer …` or, for form bodies only, from a `token` field. Slack ignores
 * a token inside a JSON body (docs.slack.dev/apis/web-api, "JSON-encoded bodies" need the Authorization header).
 */
function tokenOf(req: IncomingMessage, args: Args, isJson: boolean): TokenSource {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) return { token: header.slice("Bearer ".length).trim(), auth: "header" };
  if (!isJson && typeof args.token === "string" && args.token !== "")
    return { token: args.token, auth: "body" };
  return { token: undefined, auth: "none" };
}

export class ApiRouter {
  readonly chaos: Chaos = { rateLimits: new Map(), failures: new Map(), stalls: new Map() };

  constructor(
    private readonly state: SlackState,
    private readonly record: (call: RecordedCall) => void,
  ) {}

  async handle(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    query: URLSearchParams,
  ): Promise<void> {
    const rawBytes = await readRawBody(req);
    const raw = rawBytes.toString("utf8");
    const contentType = req.headers["content-type"] ?? "";
    const isJson = mediaType(contentType) === "application/json";
    const parsed = parseBody(raw, contentType);
    const base: Args = Object.fromEntries(query);
    const bodyArgs = parsed.ok ? parsed.args : {};
    const decoded = decodeJsonFields({ ...base, ...bodyArgs });
    const args = "decodeError" in decoded ? { ...base, ...bodyArgs } : decoded;
    const { token, auth } = tokenOf(req, args, isJson);
    const { token: _token, ...recordedArgs } = args;

    const reply = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      this.record({
        method,
        args: recordedArgs,
        auth,
        contentType,
        time: this.state.now(),
        status,
        response: body,
      });
      sendJson(res, status, body, headers);
    };

    const failure = this.chaos.failures.get(method);
    if (failure && failure.times > 0) {
      failure.times -= 1;
      // The call takes effect (say, the message is posted) and only the answer is lost to a 5xx.
      if (failure.afterApplying && parsed.ok && token === this.state.botToken) {
        HANDLERS[method]?.({ state: this.state, args });
      }
      const body = failure.body ?? JSON.stringify({ ok: false, error: "fatal_error" });
      this.record({
        method,
        args: recordedArgs,
        auth,
        contentType,
        time: this.state.now(),
        status: failure.status,
        response: body,
      });
      res.writeHead(failure.status, { "content-type": "text/plain; charset=utf-8" });
      res.end(body);
      return;
    }
    const stall = this.chaos.stalls.get(method);
    if (stall && stall.times > 0) {
      stall.times -= 1;
      const applied =
        stall.afterApplying && parsed.ok && token === this.state.botToken
          ? HANDLERS[method]?.({ state: this.state, args })
          : undefined;
      // Recorded with status 0: the caller never gets an answer; the connection stays open until it goes.
      this.record({
        method,
        args: recordedArgs,
        auth,
        contentType,
        time: this.state.now(),
        status: 0,
        response: applied ?? null,
      });
      return;
    }
    const limit = this.chaos.rateLimits.get(method);
    if (limit && limit.times > 0) {
      limit.times -= 1;
      // Rate-limited calls get HTTP 429, a Retry-After header in seconds and `ratelimited` in the body.
      reply(429, { ok: false, error: "ratelimited" }, { "retry-after": String(limit.retryAfterSec) });
      return;
    }
    const handler = HANDLERS[method];
    if (!handler) {
      reply(200, { ok: false, error: "unknown_method", req_method: method });
      return;
    }
    if (!parsed.ok) {
      reply(200, { ok: false, error: parsed.error });
      return;
    }
    if (token === undefined) {
      reply(200, { ok: false, error: "not_authed" });
      return;
    }
    // Socket Mode's connection call takes the app-level token and nothing else; every other method the bot's.
    const expected = method === "apps.connections.open" ? this.state.appToken : this.state.botToken;
    if (token !== expected) {
      reply(200, { ok: false, error: "invalid_auth" });
      return;
    }
    if ("decodeError" in decoded) {
      reply(200, { ok: false, error: decoded.decodeError });
      return;
    }
    const surrogate = loneSurrogateError(rawBytes, args, isJson);
    if (surrogate) {
      reply(200, { ok: false, error: surrogate.error, response_metadata: { messages: [surrogate.message] } });
      return;
    }
    const result = handler({ state: this.state, args });
    // Slack warns (but proceeds) when a JSON body's Content-Type has no charset.
    if (isJson && !/charset=/i.test(contentType) && result.ok) {
      reply(200, {
        ...result,
        warning: "missing_charset",
        response_metadata: { warnings: ["missing_charset"] },
      });
      return;
    }
    reply(200, result);
  }
}
