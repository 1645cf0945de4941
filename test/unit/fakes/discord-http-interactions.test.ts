import { createPublicKey, verify } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createDiscordSigner,
  defaultDiscordSigner,
  discordTimestamp,
  postInteraction,
  signDiscordRequest,
} from "../../fakes/discord/http-interactions.js";

/** How OpsDesk will verify: the portal's hex PUBLIC_KEY imported as an OKP JWK. */
function verifyDiscordSignature(
  publicKeyHex: string,
  signatureHex: string,
  timestamp: string,
  body: string,
): boolean {
  const key = createPublicKey({
    key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(publicKeyHex, "hex").toString("base64url") },
    format: "jwk",
  });
  return verify(null, Buffer.from(timestamp + body), key, Buffer.from(signatureHex, "hex"));
}

describe("GIVEN a throw-away Ed25519 key pair", () => {
  it("THEN the public key is 64 hex characters, like Discord's PUBLIC_KEY", () => {
    expect(defaultDiscordSigner.publicKeyHex).toMatch(/^[0-9a-f]{64}$/);
  });

  it("THEN node:crypto verifies a signed request with the key imported as a JWK", () => {
    const body = JSON.stringify({ type: 1 });
    const timestamp = discordTimestamp();
    const headers = signDiscordRequest(body, timestamp);

    expect(headers["X-Signature-Timestamp"]).toBe(timestamp);
    expect(
      verifyDiscordSignature(
        defaultDiscordSigner.publicKeyHex,
        headers["X-Signature-Ed25519"],
        timestamp,
        body,
      ),
    ).toBe(true);
  });

  it("THEN a changed body, timestamp or key fails verification", () => {
    const body = JSON.stringify({ type: 2 });
    const timestamp = discordTimestamp();
    const signature = signDiscordRequest(body, timestamp)["X-Signature-Ed25519"];
    const other = createDiscordSigner();

    expect(verifyDiscordSignature(defaultDiscordSigner.publicKeyHex, signature, timestamp, `${body} `)).toBe(
      false,
    );
    expect(verifyDiscordSignature(defaultDiscordSigner.publicKeyHex, signature, `${timestamp}1`, body)).toBe(
      false,
    );
    expect(verifyDiscordSignature(other.publicKeyHex, signature, timestamp, body)).toBe(false);
  });
});

describe("GIVEN an HTTP interactions endpoint that verifies like OpsDesk will", () => {
  const maxAgeSec = 300;
  let server: Server;
  let url: string;

  beforeEach(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const signature = String(request.headers["x-signature-ed25519"] ?? "");
        const timestamp = String(request.headers["x-signature-timestamp"] ?? "");
        const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= maxAgeSec;
        const valid =
          fresh && verifyDiscordSignature(defaultDiscordSigner.publicKeyHex, signature, timestamp, body);
        response.writeHead(valid ? 200 : 401, { "content-type": "application/json" });
        response.end(
          valid ? JSON.stringify({ type: 1 }) : JSON.stringify({ error: "invalid request signature" }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/interactions`;
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("THEN a signed PING is answered with PONG", async () => {
    expect(
      await postInteraction(url, { type: 1, id: "1", application_id: "2", token: "t", version: 1 }),
    ).toMatchObject({
      status: 200,
      json: { type: 1 },
    });
  });

  it("THEN a corrupted signature is refused with 401", async () => {
    expect((await postInteraction(url, { type: 1 }, { badSignature: true })).status).toBe(401);
  });

  it("THEN a correctly signed but ten-minute-old request is refused with 401", async () => {
    expect((await postInteraction(url, { type: 1 }, { timestampSkewSec: 600 })).status).toBe(401);
  });
});
