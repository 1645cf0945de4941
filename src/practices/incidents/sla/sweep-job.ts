import type { JobDefinition } from "../../../scheduler/index.js";
import type { SchedulerLogger } from "../../../scheduler/logger.js";
import type { SlaSweepResult } from "./sweep.js";

/**
 * The SLA sweep as a scheduled job: every `sla.sweepInterval`, one replica per slot. A slot run twice
 * (a take-over after a crash) is harmless: each alert is recorded once, whoever sweeps.
 */
export function slaSweepJob(input: {
  every: string;
  sweep: () => Promise<SlaSweepResult>;
  logger: SchedulerLogger;
}): JobDefinition {
  return {
    name: "sla-sweep",
    every: input.every,
    async run({ slot }) {
      const result = await input.sweep();
      if (result.clocks > 0) input.logger.info({ job: "sla-sweep", slot, ...result }, "SLA sweep ran");
    },
  };
}
