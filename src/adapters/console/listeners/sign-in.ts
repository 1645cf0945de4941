import type { IncomingMessage, ServerResponse } from "node:http";
import { readRawBody } from "../../../http/read-body.js";
import { type ConsoleAccess, clientAddress, secretMatches, sessionCookieHeader } from "../access.js";
import { sendText } from "../http/respond.js";
import { renderSignIn } from "../render/sign-in.js";
import type { SignInThrottle } from "../sign-in-throttle.js";

export function showSignIn(res: ServerResponse, status: number, problem?: string): void {
  sendText(res, status, "text/html; charset=utf-8", renderSignIn(problem).toString());
}

/** 429 for an address that guessed wrong too often: when it may try again, in the page and Retry-After. */
export function showThrottled(res: ServerResponse, waitMs: number): void {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  res.setHeader("retry-after", String(Math.ceil(waitMs / 1000)));
  showSignIn(
    res,
    429,
    `Too many wrong secrets from your address. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  );
}

/**
 * `POST /console/login`: the secret from the sign-in form; right, and the browser gets a session cookie
 * (Secure over HTTPS); wrong, and the address is one failure closer to being throttled.
 */
export async function handleSignIn(
  access: ConsoleAccess,
  throttle: SignInThrottle,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const address = clientAddress(req, access);
  const wait = throttle.waitFor(address);
  if (wait > 0) return showThrottled(res, wait);
  const form = new URLSearchParams(await readRawBody(req, 10_000));
  const { secret } = access;
  if (secret === undefined || !secretMatches(access, form.get("secret") ?? "")) {
    throttle.failed(address);
    showSignIn(res, 401, "That is not the console secret.");
    return;
  }
  res.writeHead(303, {
    location: "/console",
    "set-cookie": sessionCookieHeader(req, { ...access, secret }, Date.now()),
  });
  res.end();
}
