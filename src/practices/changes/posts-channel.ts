import type { OpsdeskConfig } from "../../config/types.js";
import type { Platform } from "../../kernel/people/actor.js";
import type { ChangeSnapshot } from "./model.js";

/** Where a change is discussed: the first affected service's channel, else the default approvals channel. */
export function changeChannel(
  config: OpsdeskConfig,
  platform: Platform,
  change: Pick<ChangeSnapshot, "services">,
): string | undefined {
  for (const { id } of change.services) {
    const channel = config.services.find((service) => service.id === id)?.channels[platform];
    if (channel) return channel;
  }
  return config.channels.approvals[platform];
}
