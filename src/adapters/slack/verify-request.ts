import { createHmac, timingSafeEqual } from "node:crypto";

export type SlackVerification = { ok: true } | { ok: false; reason: string };

/** Slack's replay window; requests further from now than this, in either direction, are refused. */
export const maxSlackClockSkewSeconds = 5 * 60;

/**
 * Checks Slack's request signature (`v0=` HMAC-SHA256 of `v0:{timestamp}:{raw body}`) and the timestamp's
 * age. Bolt's own check refuses old timestamps but accepts future ones (checked here: ten minutes ahead
 * passed), which leaves a replay window open, so OpsDesk checks both directions itself.
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
  if (Math.abs(input.nowMs / 1000 - timestamp) > maxSlackClockSkewSeconds) {
    return { ok: false, reason: "timestamp outside the five-minute window" };
  }
  const expected = `v0=${createHmac("sha256", input.signingSecret).update(`v0:${timestamp}:${input.rawBody}`).digest("hex")}`;
  const given = Buffer.from(signatureHeader);
  const wanted = Buffer.from(expected);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted))
    return { ok: false, reason: "bad signature" };
  return { ok: true };
}
