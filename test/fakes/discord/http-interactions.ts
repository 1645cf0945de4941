import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import type { JsonRecord } from "./json.js";

/**
 * HTTP interactions mode: Discord POSTs each interaction to the app's endpoint, signed with Ed25519 over
 * `timestamp + rawBody`. The app checks the signature with the PUBLIC_KEY from the developer portal (64 hex
 * chars, the raw 32-byte key) and must check the timestamp's age itself; Discord does not.
 */
export interface DiscordSigner {
  /** The raw 32-byte public key as hex, as the developer portal shows it. */
  readonly publicKeyHex: string;
  sign(body: string, timestamp: string): SignedHeaders;
}

export interface SignedHeaders {
  "X-Signature-Ed25519": string;
  "X-Signature-Timestamp": string;
}

export function createDiscordSigner(): DiscordSigner {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return {
    publicKeyHex: rawPublicKeyHex(publicKey),
    sign: (body, timestamp) => signWith(privateKey, body, timestamp),
  };
}

function rawPublicKeyHex(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: "jwk" });
  if (typeof jwk.x !== "string") throw new Error("Ed25519 public key has no x coordinate");
  return Buffer.from(jwk.x, "base64url").toString("hex");
}

function signWith(privateKey: KeyObject, body: string, timestamp: string): SignedHeaders {
  // Ed25519 takes no digest algorithm: pass null.
  const signature = sign(null, Buffer.from(timestamp + body, "utf8"), privateKey);
  return { "X-Signature-Ed25519": signature.toString("hex"), "X-Signature-Timestamp": timestamp };
}

/** One throw-away key pair per test process. */
export const defaultDiscordSigner: DiscordSigner = createDiscordSigner();

/** Discord timestamps are Unix seconds as a decimal string. */
export function discordTimestamp(nowMs: number = Date.now()): string {
  return String(Math.floor(nowMs / 1000));
}

export function signDiscordRequest(
  body: string,
  timestamp: string,
  signer: DiscordSigner = defaultDiscordSigner,
): SignedHeaders {
  return signer.sign(body, timestamp);
}

export interface PostInteractionOptions {
  /** Corrupts one byte of the signature. */
  badSignature?: boolean;
  /** Dates the request this many seconds in the past (negative: future). */
  timestampSkewSec?: number;
  signer?: DiscordSigner;
  headers?: Record<string, string>;
}

export interface PostInteractionResult {
  status: number;
  /** Parsed JSON body, or `undefined` when the body was empty or not JSON. */
  json: unknown;
  text: string;
}

function corrupt(signatureHex: string): string {
  const first = Number.parseInt(signatureHex.slice(0, 2), 16);
  return ((first ^ 0xff) & 0xff).toString(16).padStart(2, "0") + signatureHex.slice(2);
}

/** Signs `payload` the way Discord does and POSTs it to an HTTP interactions endpoint. */
export async function postInteraction(
  url: string,
  payload: JsonRecord,
  options: PostInteractionOptions = {},
): Promise<PostInteractionResult> {
  return postSignedBody(url, JSON.stringify(payload), options);
}

/** Signs any body the way Discord does and POSTs it: for bodies Discord would never send (broken, hostile). */
export async function postSignedBody(
  url: string,
  body: string,
  options: PostInteractionOptions = {},
): Promise<PostInteractionResult> {
  const timestamp = discordTimestamp(Date.now() - (options.timestampSkewSec ?? 0) * 1000);
  const signed = signDiscordRequest(body, timestamp, options.signer);
  const signature = options.badSignature
    ? corrupt(signed["X-Signature-Ed25519"])
    : signed["X-Signature-Ed25519"];
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "Discord-Interactions/1.0 (+https://discord.com)",
      "X-Signature-Ed25519": signature,
      "X-Signature-Timestamp": timestamp,
      ...options.headers,
    },
    body,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}
