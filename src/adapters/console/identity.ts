import type { Db } from "../../db/client.js";
import type { Actor } from "../../kernel/people/actor.js";
import { resolveActor } from "../../kernel/people/resolve-actor.js";

/**
 * The person the page acts as. Config people have a console identity named by their id (sync-config.ts);
 * anyone else is met for the first time, like a stranger in Slack, and gets no roles.
 */
export function consoleActor(db: Db, personId: string): Promise<Actor> {
  return resolveActor(db, { platform: "console", externalId: personId, displayName: personId });
}
