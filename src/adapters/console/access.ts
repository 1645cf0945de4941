import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { ConsoleMode } from "../../config/env.js";

/**
 * Who may use the console. Anyone who reaches it can act as anyone in the config, so:
 * - `on` (the default) serves only loopback: the peer must be 127.0.0.1/::1 and the Host header a loopback
 *   name (a web page elsewhere cannot reach it through DNS rebinding).
 * - `remote` serves any address, but every request must carry the shared secret: the session cookie set
 *   by the sign-in form, or `Authorization: Bearer <secret>` for programs.
 * Writes must be JSON (`content-type: application/json`), which a page on another site cannot send without
 * the browser asking first, and when the browser names an Origin it must be this console's.
 */
export interface ConsoleAccess {
  mode: Exclude<ConsoleMode, "off">;
  secret?: string | undefined;
}

export type AccessDecision =
  | { ok: true }
  | { ok: false; status: 401 | 403; reason: "not_loopback" | "sign_in" | "cross_site"; message: string };

export const sessionCookie = "opsdesk_console";

const loopbackPeers = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
const loopbackHost = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/** The cookie value: derived from the secret, so the secret itself never sits in the browser. */
export function sessionToken(secret: string): string {
  return createHmac("sha256", secret).update("opsdesk-console-session").digest("hex");
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function secretMatches(access: ConsoleAccess, offered: string): boolean {
  return access.secret !== undefined && sameText(offered, access.secret);
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

function signedIn(req: IncomingMessage, access: ConsoleAccess): boolean {
  if (access.secret === undefined) return false;
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
  if (bearer !== undefined) return sameText(bearer, access.secret);
  const token = cookie(req, sessionCookie);
  return token !== undefined && sameText(token, sessionToken(access.secret));
}

export function checkAccess(req: IncomingMessage, access: ConsoleAccess): AccessDecision {
  if (access.mode === "on") {
    const peer = req.socket.remoteAddress ?? "";
    if (!loopbackPeers.has(peer) || !loopbackHost.test(req.headers.host ?? "")) {
      return {
        ok: false,
        status: 403,
        reason: "not_loopback",
        message:
          "The OpsDesk console answers only on this machine (http://127.0.0.1). To open it from elsewhere, set OPSDESK_CONSOLE=remote and OPSDESK_CONSOLE_SECRET.",
      };
    }
  } else if (!signedIn(req, access)) {
    return { ok: false, status: 401, reason: "sign_in", message: "Sign in with the console secret first." };
  }
  if (req.method === "POST" || req.method === "PUT" || req.method === "DELETE") {
    const origin = req.headers.origin;
    const jsonBody = (req.headers["content-type"] ?? "").split(";")[0]?.trim() === "application/json";
    const sameOrigin = origin === undefined || hostOf(origin) === req.headers.host;
    if (!jsonBody || !sameOrigin) {
      return {
        ok: false,
        status: 403,
        reason: "cross_site",
        message: "Console actions must be JSON requests from the console page itself.",
      };
    }
  }
  return { ok: true };
}

function hostOf(origin: string): string | undefined {
  return URL.canParse(origin) ? new URL(origin).host : undefined;
}
