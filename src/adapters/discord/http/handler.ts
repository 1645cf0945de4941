import type { ServerResponse } from "node:http";
import type { REST } from "discord.js";
import { type APIInteraction, type APIInteractionResponse, InteractionType } from "discord-api-types/v10";
import type { RequestHandler } from "../../../http/server.js";
import { endText, readSignedRequest, refuseMalformed, requestHeader } from "../../../http/signed-request.js";
import type { DiscordListenerDeps } from "../listeners/deps.js";
import { dispatchDiscordInteraction } from "../listeners/dispatch.js";
import { fromPayload } from "./from-payload.js";
import { discordBodyProblem } from "./payload-shape.js";
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
    const raw = await readSignedRequest(req, res, {
      platform: "discord",
      log: deps.log,
      verify: (rawBody) =>
        verifyDiscordSignature({
          publicKey,
          signatureHeader: requestHeader(req, "x-signature-ed25519"),
          timestampHeader: requestHeader(req, "x-signature-timestamp"),
          rawBody,
          nowMs: deps.clock.now().getTime(),
        }),
    });
    if (raw === undefined) return;
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return refuseMalformed(res, deps.log, "discord", "the body is not JSON");
    }
    const problem = discordBodyProblem(body);
    if (problem !== undefined) return refuseMalformed(res, deps.log, "discord", problem);
    const payload = body as APIInteraction;
    if (payload.type === InteractionType.Ping) return json(res, { type: 1 });
    const interaction = fromPayload(
      payload,
      (response: APIInteractionResponse) => json(res, response),
      options.rest,
    );
    if (!interaction) return endText(res, 400, "unsupported interaction");
    await dispatchDiscordInteraction(interaction, deps);
    // Nothing answered (not ours): Discord shows "interaction failed", which is honest.
    endText(res, 204, "");
  };
}

function json(res: ServerResponse, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}
