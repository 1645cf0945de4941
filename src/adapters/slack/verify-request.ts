import { createHmac, timingSafeEqual } from "node:crypto";
import { withinReplayWindow } from "../../http/replay-window.js";

export type SlackVerification = { ok: true } | { ok: false; reason: string };

/**
 * Checks Slack's request signature (`v0=` HMAC-SHA256 of `v0:{timestamp}:{raw body}`) and the timestamp's
 * age in both directions (Bolt's own check lets future timestamps through).
 */
export function verifySlackSignature(input: {
  signingSecret: string;
  timestampHeader: string | undefined;
  signatureHeader: string | undefined;
  rawBody: string;
  nowMs: number;
}): SlackVerification {
  const { timestampHeader, signatureHeader } = input;
  if (!timestampHeader || !signatureHeader) return { ok: false, reason: "missing signature headers" };
  const timestamp = Number(timestampHeader);
  if (!Number.isInteger(timestamp)) return { ok: false, reason: "malformed timestamp" };
  if (!withinReplayWindow(timestamp, input.nowMs)) {
    return { ok: false, reason: "timestamp outside the five-minute window" };
  }
  const expected = `v0=${createHmac("sha256", input.signingSecret).update(`v0:${timestamp}:${input.rawBody}`).digest("hex")}`;
  const given = Buffer.from(signatureHeader);
  const wanted = Buffer.from(expected);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted))
    return { ok: false, reason: "bad signature" };
  return { ok: true };
}
