import type { OpsdeskConfig } from "../../config/types.js";
import type { Platform } from "../../kernel/people/actor.js";
import type { ReleaseSnapshot } from "./model.js";

/** The release's channel: the first affected service's channel, else the default approvals channel. */
export function releaseChannel(
  config: OpsdeskConfig,
  platform: Platform,
  release: Pick<ReleaseSnapshot, "services">,
): string | undefined {
  for (const { id } of release.services) {
    const channel = config.services.find((service) => service.id === id)?.channels[platform];
    if (channel) return channel;
  }
  return config.channels.approvals[platform];
}
