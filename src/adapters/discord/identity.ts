import type { Db } from "../../db/client.js";
import type { Actor } from "../../kernel/people/actor.js";
import { resolveActor } from "../../kernel/people/resolve-actor.js";

/** The person behind a Discord user id; the username is only used the first time OpsDesk meets them. */
export function discordActor(db: Db, user: { id: string; name: string }): Promise<Actor> {
  return resolveActor(db, { platform: "discord", externalId: user.id, displayName: user.name || user.id });
}
