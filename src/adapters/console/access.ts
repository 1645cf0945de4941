import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { ConsoleMode } from "../../config/env.js";

/**
 * Who may use the console. Anyone who reaches it can act as anyone in the config, so:
 * - `on` (the default) serves only loopback: the peer must be 127.0.0.1/::1 and the Host header a loopback
 *   name (a web page elsewhere cannot reach it through DNS rebinding).
 * - `remote` serves any address, but every request must carry the shared secret: the session cookie set
 *   by the sign-in form (it expires), or `Authorization: Bearer <secret>` for programs. Wrong secrets are
 *   throttled per address (sign-in-throttle.ts).
 * Writes must be JSON (`content-type: application/json`), which a page on another site cannot send without
 * the browser asking first, and when the browser names an Origin it must be this console's.
 */
export interface ConsoleAccess {
  mode: Exclude<ConsoleMode, "off">;
  secret?: string | undefined;
  /** How long a sign-in lasts (OPSDESK_CONSOLE_SESSION). */
  sessionMs: number;
  /** Believe X-Forwarded-Proto and X-Forwarded-For (OPSDESK_TRUST_PROXY). */
  trustProxy: boolean;
}

export type AccessDecision =
  | { ok: true }
  | { ok: false; status: 401 | 403; reason: "not_loopback" | "sign_in" | "cross_site"; message: string };

export const sessionCookie = "opsdesk_console";

const loopbackPeers = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
const loopbackHost = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/**
 * The cookie value: when the session began and a MAC of it under the secret, so the secret itself never
 * sits in the browser, a session ends by itself (checked on every request, whatever the browser keeps),
 * and any replica can check it without shared state. Sessions run on the real clock, never the sandbox's
 * shifted one: time travel must not sign people out.
 */
export function sessionToken(secret: string, issuedAtMs: number): string {
  const issued = String(Math.floor(issuedAtMs / 1000));
  return `${issued}.${createHmac("sha256", secret).update(`opsdesk-console-session:${issued}`).digest("hex")}`;
}

function sessionValid(token: string, access: ConsoleAccess & { secret: string }, nowMs: number): boolean {
  const issued = /^(\d{1,12})\./.exec(token)?.[1];
  if (issued === undefined || !sameText(token, sessionToken(access.secret, Number(issued) * 1000)))
    return false;
  const age = nowMs - Number(issued) * 1000;
  // A minute of skew between replicas' clocks is tolerated; a session "from the future" beyond it is not.
  return age > -60_000 && age < access.sessionMs;
}

/** The Set-Cookie value of a new session, `Secure` when the browser reached OpsDesk over HTTPS. */
export function sessionCookieHeader(
  req: IncomingMessage,
  access: ConsoleAccess & { secret: string },
  nowMs: number,
): string {
  const secure = overHttps(req, access) ? "; Secure" : "";
  return `${sessionCookie}=${sessionToken(access.secret, nowMs)}; Path=/console; Max-Age=${Math.floor(access.sessionMs / 1000)}; HttpOnly; SameSite=Strict${secure}`;
}

/** TLS on this socket, or a trusted proxy that says the browser used HTTPS (its first X-Forwarded-Proto). */
export function overHttps(req: IncomingMessage, access: ConsoleAccess): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted === true) return true;
  if (!access.trustProxy) return false;
  const proto = req.headers["x-forwarded-proto"];
  const first = (Array.isArray(proto) ? proto[0] : proto)?.split(",")[0]?.trim().toLowerCase();
  return first === "https";
}

/**
 * The address a request came from: the peer, or behind a trusted proxy the last X-Forwarded-For entry
 * (the one the proxy itself appended; earlier entries are whatever the client wrote).
 */
export function clientAddress(req: IncomingMessage, access: ConsoleAccess): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  if (!access.trustProxy) return peer;
  const forwarded = req.headers["x-forwarded-for"];
  const last = (Array.isArray(forwarded) ? forwarded.join(",") : forwarded)?.split(",").pop()?.trim();
  return last || peer;
}

/** The bearer token a program sent, if any. */
export function bearerOf(req: IncomingMessage): string | undefined {
  return /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
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

function signedIn(req: IncomingMessage, access: ConsoleAccess, nowMs: number): boolean {
  const { secret } = access;
  if (secret === undefined) return false;
  const bearer = bearerOf(req);
  if (bearer !== undefined) return sameText(bearer, secret);
  const token = cookie(req, sessionCookie);
  return token !== undefined && sessionValid(token, { ...access, secret }, nowMs);
}

export function checkAccess(req: IncomingMessage, access: ConsoleAccess, nowMs = Date.now()): AccessDecision {
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
  } else if (!signedIn(req, access, nowMs)) {
    return {
      ok: false,
      status: 401,
      reason: "sign_in",
      message:
        "Sign in with the console secret first (a sign-in lasts OPSDESK_CONSOLE_SESSION, 12 hours by default).",
    };
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
