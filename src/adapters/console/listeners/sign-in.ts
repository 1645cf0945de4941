import type { IncomingMessage, ServerResponse } from "node:http";
import { readRawBody } from "../../../http/read-body.js";
import { type ConsoleAccess, secretMatches, sessionCookie, sessionToken } from "../access.js";
import { sendText } from "../http/respond.js";
import { renderSignIn } from "../render/sign-in.js";

export function showSignIn(res: ServerResponse, status: number, problem?: string): void {
  sendText(res, status, "text/html; charset=utf-8", renderSignIn(problem).toString());
}

/** `POST /console/login`: the secret from the sign-in form; right, and the browser gets a session cookie. */
export async function handleSignIn(access: ConsoleAccess, req: IncomingMessage, res: ServerResponse) {
  const form = new URLSearchParams(await readRawBody(req, 10_000));
  if (access.secret === undefined || !secretMatches(access, form.get("secret") ?? "")) {
    showSignIn(res, 401, "That is not the console secret.");
    return;
  }
  res.writeHead(303, {
    location: "/console",
    "set-cookie": `${sessionCookie}=${sessionToken(access.secret)}; Path=/console; HttpOnly; SameSite=Strict`,
  });
  res.end();
}
