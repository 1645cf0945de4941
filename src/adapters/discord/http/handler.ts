import type { ServerResponse } from "node:http";
import type { REST } from "discord.js";
import { type APIInteraction, type APIInteractionResponse, InteractionType } from "discord-api-types/v10";
import { BodyTooLargeError, readRawBody } from "../../../http/read-body.js";
import type { RequestHandler } from "../../../http/server.js";
import type { DiscordListenerDeps } from "../listeners/deps.js";
import { dispatchDiscordInteraction } from "../listeners/dispatch.js";
import { fromPayload } from "./from-payload.js";
import { importDiscordPublicKey, verifyDiscordSignature } from "./verify-request.js";

/**
 * `POST /discord/interactions`: transport only. Verifies the request, answers PING, and answers the HTTP
 * request the moment a listener gives its first response (defer or modal), so the work after it never
 * delays Discord's three-second deadline. Discord retries nothing; a 401 is what it expects for forgeries
 * (it sends some on purpose when the endpoint is saved in the portal).
 */
export function createInteractionsHandler(options: {
  publicKey: string;
  applicationId: string;
  rest: REST;
  deps: DiscordListenerDeps;
}): RequestHandler {
  const publicKey = importDiscordPublicKey(options.publicKey);
  const { deps } = options;
  return async (req, res) => {
    let raw: string;
    try {
      raw = await readRawBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return end(res, 413, "request too large");
      throw error;
    }
    const verification = verifyDiscordSignature({
      publicKey,
      signatureHeader: header(req.headers["x-signature-ed25519"]),
      timestampHeader: header(req.headers["x-signature-timestamp"]),
      rawBody: raw,
      nowMs: deps.clock.now().getTime(),
    });
    if (!verification.ok) {
      deps.log.warn({ reason: verification.reason }, "refused a Discord request");
      return end(res, 401, "invalid request signature");
    }
    let payload: APIInteraction;
    try {
      payload = JSON.parse(raw) as APIInteraction;
    } catch {
      return end(res, 400, "unreadable body");
    }
    if (payload.type === InteractionType.Ping) return json(res, { type: 1 });
    const interaction = fromPayload(
      payload,
      (response: APIInteractionResponse) => json(res, response),
      options.rest,
    );
    if (!interaction) return end(res, 400, "unsupported interaction");
    await dispatchDiscordInteraction(interaction, deps);
    // Nothing answered (not ours, or a duplicate): Discord shows "interaction failed", which is honest.
    end(res, 204, "");
  };
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function end(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(text);
}

function json(res: ServerResponse, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}
