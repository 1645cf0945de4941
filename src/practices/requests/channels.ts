import type { OpsdeskConfig } from "../../config/types.js";
import type { Platform } from "../../kernel/people/actor.js";

/** Where request cards go: the catalog's own channels, else the default approvals channel. */
export function requestChannel(config: OpsdeskConfig, platform: Platform): string | undefined {
  return config.requests.channels[platform] ?? config.channels.approvals[platform];
}

/** Where a group's fulfilment tasks go: its task channel, else the request channel. */
export function taskChannel(config: OpsdeskConfig, platform: Platform, groupId: string): string | undefined {
  return config.requests.taskChannels[groupId]?.[platform] ?? requestChannel(config, platform);
}
