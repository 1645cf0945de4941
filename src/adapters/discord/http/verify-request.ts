import { createPublicKey, type KeyObject, verify } from "node:crypto";
import { withinReplayWindow } from "../../../http/replay-window.js";

export type DiscordVerification = { ok: true } | { ok: false; reason: string };

/**
 * The developer portal's Public Key is the raw 32-byte Ed25519 key in hex. node:crypto imports raw
 * Ed25519 keys only as a JWK (`x` = base64url of those bytes).
 */
export function importDiscordPublicKey(publicKeyHex: string): KeyObject {
  const x = Buffer.from(publicKeyHex, "hex").toString("base64url");
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x }, format: "jwk" });
}

/** Ed25519 signature over `timestamp + raw body`, plus a replay window in both directions. */
export function verifyDiscordSignature(input: {
  publicKey: KeyObject;
  signatureHeader: string | undefined;
  timestampHeader: string | undefined;
  rawBody: string;
  nowMs: number;
}): DiscordVerification {
  const { signatureHeader, timestampHeader } = input;
  if (!signatureHeader || !timestampHeader) return { ok: false, reason: "missing signature headers" };
  const timestamp = Number(timestampHeader);
  if (!/^\d+$/.test(timestampHeader) || !Number.isSafeInteger(timestamp)) {
    return { ok: false, reason: "unreadable timestamp" };
  }
  if (!withinReplayWindow(timestamp, input.nowMs)) {
    return { ok: false, reason: "timestamp outside the replay window" };
  }
  if (!/^[0-9a-fA-F]{128}$/.test(signatureHeader)) return { ok: false, reason: "malformed signature" };
  // Ed25519 takes no digest algorithm: null.
  const valid = verify(
    null,
    Buffer.from(timestampHeader + input.rawBody, "utf8"),
    input.publicKey,
    Buffer.from(signatureHeader, "hex"),
  );
  return valid ? { ok: true } : { ok: false, reason: "signature mismatch" };
}
