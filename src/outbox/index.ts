// The outbox's public surface: producers enqueue, adapters implement ChatTransport, main runs the dispatcher.
export { type BackoffPolicy, backoffDelayMs, defaultBackoff, rateLimitDelayMs } from "./backoff.js";
export { OutboxDispatcher, type OutboxDispatcherOptions } from "./dispatcher.js";
export { enqueueOutbox } from "./enqueue.js";
export {
  DeliveryError,
  isDeliveryError,
  PermanentDeliveryError,
  RateLimitedError,
  TransientDeliveryError,
} from "./errors.js";
export { type OutboxLogger, silentLogger } from "./logger.js";
export * from "./message.js";
export { type OutboxCounts, OutboxMetrics } from "./metrics.js";
export { cardOrderingKey, channelOrderingKey } from "./ordering-keys.js";
export { type ChatMessageRefRecord, databaseRefStore, type RefStore } from "./refs.js";
export { discordRetryAfterMs, slackRetryAfterMs } from "./retry-after.js";
export { systemTimers, type Timers } from "./timers.js";
export type { ChatTransport, DeliveryResult } from "./transport.js";
