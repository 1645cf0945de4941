import type { Db } from "../../db/client.js";
import type { Actor } from "../../kernel/people/actor.js";
import { resolveActor } from "../../kernel/people/resolve-actor.js";

/** The person behind a Slack user id; Slack's user name is only used the first time OpsDesk meets them. */
export function slackActor(db: Db, user: { id: string; name?: string | undefined }): Promise<Actor> {
  return resolveActor(db, { platform: "slack", externalId: user.id, displayName: user.name ?? user.id });
}
