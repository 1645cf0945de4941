import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "../../../http/server.js";
import { bearerOf, checkAccess, clientAddress } from "../access.js";
import type { ConsoleDeps } from "../deps.js";
import { handleAsset } from "../listeners/assets.js";
import { handleButton } from "../listeners/button.js";
import { handleCommand } from "../listeners/command.js";
import { handleComplete } from "../listeners/complete.js";
import { handleEvents } from "../listeners/events.js";
import { handleForm } from "../listeners/form.js";
import { handlePage } from "../listeners/page.js";
import { handleRaiseFromMessage } from "../listeners/raise-from-message.js";
import { handleChannelMessages, handlePrivateReplies, handleThread } from "../listeners/read-messages.js";
import { handleSignIn, showSignIn } from "../listeners/sign-in.js";
import { handleTimeTravel } from "../listeners/time-travel.js";
import { handleWorkspace } from "../listeners/workspace.js";
import { BadConsoleRequest, sendProblem } from "./respond.js";

type Handler = (deps: ConsoleDeps, req: IncomingMessage, res: ServerResponse) => Promise<void>;

const routes: Readonly<Record<string, Handler>> = {
  "GET /console": handlePage,
  "GET /console/": handlePage,
  "GET /console/api/workspace": handleWorkspace,
  "GET /console/api/messages": handleChannelMessages,
  "GET /console/api/thread": handleThread,
  "GET /console/api/private": handlePrivateReplies,
  "GET /console/api/complete": handleComplete,
  "GET /console/api/events": handleEvents,
  "POST /console/api/command": handleCommand,
  "POST /console/api/button": handleButton,
  "POST /console/api/form": handleForm,
  "POST /console/api/raise": handleRaiseFromMessage,
  "POST /console/api/clock": handleTimeTravel,
};

/** Everything under /console: access first, then one handler per endpoint (listeners/, one per file). */
export function consoleRouter(deps: ConsoleDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const asset = /^\/console\/assets\/([a-z-]+\.(?:js|css))$/.exec(path)?.[1];
    if (asset !== undefined && req.method === "GET" && deps.access.mode === "remote") {
      // The sign-in page needs the style before anyone has signed in; assets hold no data.
      return handleAsset(asset, req, res);
    }
    if (path === "/console/login" && req.method === "POST" && deps.access.mode === "remote")
      return handleSignIn(deps.access, deps.signIns, req, res);
    // A program's bearer token is a sign-in attempt too: throttled the same way per address.
    const bearer = deps.access.mode === "remote" && bearerOf(req) !== undefined;
    const address = clientAddress(req, deps.access);
    if (bearer && deps.signIns.waitFor(address) > 0) {
      const wait = deps.signIns.waitFor(address);
      res.setHeader("retry-after", String(Math.ceil(wait / 1000)));
      return sendProblem(
        res,
        429,
        "too_many_attempts",
        `Too many wrong secrets from your address; try again in ${Math.ceil(wait / 60_000)} minutes.`,
      );
    }
    const decision = checkAccess(req, deps.access);
    if (!decision.ok && bearer) deps.signIns.failed(address);
    if (!decision.ok) {
      if (decision.reason === "sign_in" && req.method === "GET" && !path.startsWith("/console/api/"))
        return showSignIn(res, 401);
      return sendProblem(res, decision.status, decision.reason, decision.message);
    }
    if (asset !== undefined && req.method === "GET") return handleAsset(asset, req, res);
    const handler = routes[`${req.method} ${path}`];
    if (!handler) return sendProblem(res, 404, "not_found", `The console has no ${req.method} ${path}.`);
    try {
      await handler(deps, req, res);
    } catch (error) {
      if (!(error instanceof BadConsoleRequest)) throw error;
      deps.log.warn(
        { platform: "console", problem: error.message, path },
        "refused a malformed chat request",
      );
      sendJson(res, error.status, { error: "bad_request", message: error.message });
    }
  };
}
