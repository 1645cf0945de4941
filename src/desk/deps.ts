import type { Clock } from "../kernel/clock.js";
import type { Logger } from "../log.js";
import type { Desk } from "./desk.js";

/** What a chat adapter's listeners need: the desk to hand interactions to, the clock and the log. */
export interface InteractionDeps {
  desk: Desk;
  clock: Clock;
  log: Logger;
}
