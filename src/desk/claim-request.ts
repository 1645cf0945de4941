import type { Db } from "../db/client.js";
import type { Platform } from "../kernel/people/actor.js";

/**
 * Records that a chat request is being handled; false when it was seen before (a platform retry, a
 * replayed interaction, a double submit). The insert is atomic on both engines, so of two identical
 * deliveries arriving together exactly one proceeds.
 */
export async function claimRequest(db: Db, platform: Platform, key: string, at: Date): Promise<boolean> {
  const inserted = await db.$transaction(
    (tx) => tx.$executeRaw`
      INSERT INTO "ProcessedRequest" ("key", "platform", "receivedAt") VALUES (${`${platform}:${key}`}, ${platform}, ${at})
      ON CONFLICT ("key") DO NOTHING`,
  );
  return inserted === 1;
}
