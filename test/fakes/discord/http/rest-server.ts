import type { IncomingMessage, ServerResponse } from "node:http";
import { describeLoneSurrogate, findLoneSurrogate } from "../../lone-surrogates.js";
import type { JsonRecord } from "../json.js";
import type { FakeState } from "../state.js";
import type { RecordedCall } from "../types.js";
import { readBody } from "./body.js";
import type { Chaos } from "./chaos.js";
import { DiscordRestError, notFound, unauthorized } from "./errors.js";
import { bucketHash, normalRateLimitHeaders, tooManyRequests } from "./rate-limit-headers.js";
import type { RouteResult, Router } from "./router.js";

const API_PREFIX = "/api/v10";

interface Outcome extends RouteResult {
  headers: Record<string, string>;
}

/** Splits and percent-decodes the path so `%40original` matches `@original`. */
function decodePath(pathname: string): string {
  return pathname
    .split("/")
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join("/");
}

/**
 * A body holding a lone UTF-16 surrogate anywhere. Discord stores strings as UTF-8, where an unpaired
 * surrogate "is explicitly not representable", and answers such a request with 500 Internal Server Error
 * (discord/discord-api-docs#6561, open). The fake answers the same 500 and says why in `fake_error`, so a test
 * that trips over it sees the cause in the recorded call instead of a bare server error.
 */
function loneSurrogateFailure(body: unknown, encodedSurrogate: boolean): JsonRecord | undefined {
  const found = findLoneSurrogate(body);
  if (!found && !encodedSurrogate) return undefined;
  const where = found
    ? describeLoneSurrogate(found)
    : "the body holds an encoded UTF-16 surrogate (invalid UTF-8)";
  return {
    message: "500: Internal Server Error",
    code: 0,
    fake_error: `${where}; Discord answers 500 to this (discord-api-docs#6561)`,
  };
}

export function createRestListener(state: FakeState, router: Router, chaos: Chaos) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const method = (request.method ?? "GET").toUpperCase();
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const { body, files, encodedSurrogate } = await readBody(request);
    const path = url.pathname.startsWith(API_PREFIX) ? decodePath(url.pathname.slice(API_PREFIX.length)) : "";
    const authorization = request.headers.authorization;

    const outcome = await handle(
      method,
      path,
      url.searchParams,
      body,
      files,
      authorization,
      encodedSurrogate,
    );
    const call: RecordedCall = {
      method,
      path,
      rawPath: request.url ?? "",
      query: Object.fromEntries(url.searchParams.entries()),
      body,
      files,
      authorization,
      status: outcome.status,
      response: outcome.body,
      at: state.now(),
    };
    state.calls.push(call);
    state.events.emit("call", call);
    state.flushInteractionResponses();
    response.writeHead(outcome.status, {
      ...outcome.headers,
      ...(outcome.body === undefined ? {} : { "content-type": "application/json" }),
    });
    response.end(outcome.body === undefined ? undefined : JSON.stringify(outcome.body));
  };

  async function handle(
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
    files: RecordedCall["files"],
    authorization: string | undefined,
    encodedSurrogate = false,
  ): Promise<Outcome> {
    const match = path ? router.match(method, path) : undefined;
    if (!match) return { status: 404, body: notFound().toBody(), headers: {} };
    const bucket = bucketHash(method, match.route.template);
    if (match.route.auth && authorization !== `Bot ${state.config.token}`) {
      return { status: 401, body: unauthorized().toBody(), headers: {} };
    }
    const invalidUnicode = loneSurrogateFailure(body, encodedSurrogate);
    if (invalidUnicode) return { status: 500, body: invalidUnicode, headers: {} };
    const rule = chaos.take(method, path);
    if (rule?.kind === "rate-limit") {
      const limited = tooManyRequests(bucket, Date.now(), rule.retryAfterSec, rule.global);
      return { status: 429, body: limited.body, headers: limited.headers };
    }
    if (rule?.kind === "failure" && !rule.afterApplying) {
      return { status: rule.status, body: rule.body, headers: {} };
    }
    const headers = normalRateLimitHeaders(bucket, Date.now());
    const applied = await apply(match, method, path, query, body, files, headers);
    if (rule?.kind === "failure") return { status: rule.status, body: rule.body, headers: {} };
    return applied;
  }

  async function apply(
    match: NonNullable<ReturnType<Router["match"]>>,
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
    files: RecordedCall["files"],
    headers: Record<string, string>,
  ): Promise<Outcome> {
    try {
      const params = match.params;
      const result = await match.route.handler({
        method,
        path,
        params,
        query,
        body,
        files,
        state,
        param(name) {
          const value = params[name];
          if (value === undefined) throw new Error(`route ${match.route.template} has no :${name}`);
          return value;
        },
      });
      return { ...result, headers };
    } catch (error) {
      if (error instanceof DiscordRestError) return { status: error.status, body: error.toBody(), headers };
      // A bug in the fake itself: surface it in the body so the failing test shows why.
      return {
        status: 500,
        body: { message: "500: Internal Server Error", code: 0, fake_error: String(error) },
        headers,
      };
    }
  }
}
