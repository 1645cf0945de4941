// The load generator of ack-latency.ts, run in a worker thread so that sending requests and reading
// responses never waits behind the server's work on the main thread (and the server never waits for it).
// It receives ready-made form bodies, signs each just before sending, and keeps `inflight` requests open.
import { parentPort } from "node:worker_threads";
import { signSlackRequest } from "../../test/fakes/slack/signer.js";

export interface LoadRequest {
  url: string;
  signingSecret: string;
  inflight: number;
  bodies: string[];
  /** Sent as `x-bench-id` (outside the signature), so the server side can be timed per request. */
  ids: string[];
}

export interface LoadResult {
  /** performance.timeOrigin + performance.now() when the request was handed to fetch: comparable across threads. */
  sentAt: number;
  ackMs: number;
  status: number;
  error?: string;
}

const FORM = "application/x-www-form-urlencoded";

async function send(url: string, secret: string, body: string, id: string): Promise<LoadResult> {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    "content-type": FORM,
    "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": signSlackRequest(secret, timestamp, body),
    "x-bench-id": id,
  };
  const start = performance.now();
  const sentAt = performance.timeOrigin + start;
  try {
    const response = await fetch(url, { method: "POST", headers, body });
    await response.text();
    return { sentAt, ackMs: performance.now() - start, status: response.status };
  } catch (error) {
    return { sentAt, ackMs: performance.now() - start, status: 0, error: String(error) };
  }
}

/** Closed loop: each of `inflight` senders sends its next request as soon as its previous one is answered. */
async function run({ url, signingSecret, inflight, bodies, ids }: LoadRequest): Promise<LoadResult[]> {
  const results: LoadResult[] = new Array(bodies.length);
  let next = 0;
  const sender = async () => {
    for (let i = next++; i < bodies.length; i = next++) {
      results[i] = await send(url, signingSecret, bodies[i] ?? "", ids[i] ?? "");
    }
  };
  await Promise.all(Array.from({ length: inflight }, sender));
  return results;
}

parentPort?.on("message", (request: LoadRequest) => {
  void run(request).then((results) => parentPort?.postMessage(results));
});
