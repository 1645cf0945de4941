import type { Platform } from "../people/actor.js";

/**
 * How many fields one form holds on each platform, for forms whose fields come from configuration (a
 * catalog item's): longer ones continue in a next form. Discord: a modal has at most 5 top-level components
 * ("Interaction Response Object: Modal"). Slack: a modal has at most 100 blocks (Block Kit "Modal" view);
 * 50 leaves room for the intro and hints. The console's HTML form has no limit of its own.
 */
export const formFieldCapacity: Readonly<Record<Platform, number>> = {
  slack: 50,
  discord: 5,
  console: 50,
};
