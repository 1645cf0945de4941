import type { Desk } from "../desk/desk.js";
import type { OpsdeskMetrics } from "../metrics/opsdesk-metrics.js";

/**
 * The desk as the adapters get it, counting every interaction it handles by platform, kind and outcome,
 * without the desk knowing about metrics: what it answers tells the outcome (nothing: a repeat; a private
 * error notice or field errors: refused; a correlation id: failed).
 */
/** The desk's answer to an unexpected error ends with its correlation id (src/desk/error-reply.ts). */
const unexpected = /give the admins this reference: [0-9a-f]{8}\.$/;

export function instrumentDesk(desk: Desk, metrics: OpsdeskMetrics): Desk {
  return {
    ...desk,
    async handle(request) {
      const startedAt = performance.now();
      const reply = await desk.handle(request);
      const failed =
        reply?.kind === "notice" && reply.notice.tone === "error" && unexpected.test(reply.notice.text);
      const refused =
        reply?.kind === "field_errors" || (reply?.kind === "notice" && reply.notice.tone === "error");
      metrics.recordInteraction({
        platform: request.platform,
        kind: request.interaction.kind,
        outcome: reply === undefined ? "repeat" : failed ? "failed" : refused ? "refused" : "ok",
        seconds: (performance.now() - startedAt) / 1000,
      });
      return reply;
    },
  };
}
