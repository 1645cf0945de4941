import type { IncomingMessage, ServerResponse } from "node:http";
import type { LiveEvent, LiveHub } from "./hub.js";

// Proxies and browsers drop an idle stream after a minute or two; a comment line keeps it open.
const heartbeatMs = 20_000;

/**
 * Server-sent events for one page: every event its person may see, as `event: <type>` with JSON data.
 * Returns the function that ends the stream (used at shutdown, so the server does not wait for it).
 */
export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  hub: LiveHub,
  personId: string,
): () => void {
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  // The browser reconnects by itself after this long; the page then reloads what it missed.
  res.write("retry: 2000\n\n");
  const send = (event: LiveEvent) => {
    res.write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
  };
  const unsubscribe = hub.subscribe(personId, send);
  const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), heartbeatMs);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    unsubscribe();
    res.end();
  };
  req.on("close", end);
  return end;
}
