// A desk of its own on a given database connection, as each replica of OpsDesk builds one: the practices
// of the test desk's opsdesk.yaml routed by the real desk. For tests that send interactions through the
// real pipeline without a chat platform in front (races between replicas, hostile input on both engines).
import { pino } from "pino";
import { syncConfigToDatabase } from "../../src/app/sync-config.js";
import { parseConfig } from "../../src/config/parse.js";
import type { Db } from "../../src/db/client.js";
import type { DatabaseProvider } from "../../src/db/schema-source.js";
import { createDesk, type Desk } from "../../src/desk/desk.js";
import { createWorkLimiter } from "../../src/desk/work-limiter.js";
import { systemClock } from "../../src/kernel/clock.js";
import type { Reply } from "../../src/kernel/views/reply.js";
import { createPractices, practiceList } from "../../src/practices/index.js";
import { deskConfigYaml } from "./desk-config.js";

const config = () => parseConfig(deskConfigYaml, "opsdesk.yaml");

/** Puts the test desk's people, groups and services into the database (once per database). */
export async function syncDeskConfig(db: Db, provider: DatabaseProvider): Promise<void> {
  await syncConfigToDatabase(db, provider, config());
}

export function replicaDesk(db: Db): Desk {
  const log = pino({ level: "silent" });
  const practices = createPractices({
    db,
    clock: systemClock,
    config: config(),
    platforms: ["slack"],
    log,
    wake: () => {},
  });
  return createDesk({
    practices: practiceList(practices).map((running) => running.practice),
    db,
    clock: systemClock,
    log,
    work: createWorkLimiter(4),
  });
}

/** What the person is shown: a notice's text, each field error as `field: message`, else the reply. */
export function replyText(reply: Reply | undefined): string {
  if (reply?.kind === "notice") return reply.notice.text;
  if (reply?.kind === "field_errors")
    return Object.entries(reply.errors)
      .map(([field, message]) => `${field}: ${message}`)
      .join("\n");
  return JSON.stringify(reply);
}
