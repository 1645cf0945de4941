// Who someone is in chat is remembered between requests (it costs five queries to find out), but a config
// sync that changes their roles must take effect on their very next request.
import { expect, it } from "vitest";
import { syncConfigToDatabase } from "../../../src/app/sync-config.js";
import { parseConfig } from "../../../src/config/parse.js";
import { resolveActor } from "../../../src/kernel/people/resolve-actor.js";
import { describeEachDatabase } from "../../support/databases.js";

const configWith = (groupMembers: string[]) =>
  parseConfig(
    `
people:
  - { id: ada, name: Ada Agent, slack: U0ADAAGT1 }
  - { id: bob, name: Bob Builder, slack: U0BOBBLD1 }
groups:
  - id: service-desk
    name: Service desk
    roles: [agent]
    members: [${groupMembers.join(", ")}]
`,
    "opsdesk.yaml",
  );

const ada = { platform: "slack", externalId: "U0ADAAGT1", displayName: "ada" } as const;

describeEachDatabase("GIVEN Ada, an agent, who has already used OpsDesk", (db) => {
  it("WHEN the config removes her from the agents THEN her next request has no agent rights", async () => {
    const { handle, provider } = db();
    await syncConfigToDatabase(handle.db, provider, configWith(["ada", "bob"]));
    expect((await resolveActor(handle.db, ada)).roles.has("agent")).toBe(true);

    await syncConfigToDatabase(handle.db, provider, configWith(["bob"]));
    expect((await resolveActor(handle.db, ada)).roles.has("agent")).toBe(false);

    await syncConfigToDatabase(handle.db, provider, configWith(["ada"]));
    expect((await resolveActor(handle.db, ada)).roles.has("agent")).toBe(true);
  });

  it("THEN a person met for the first time is created once and found again", async () => {
    const { handle } = db();
    const stranger = { platform: "slack", externalId: "U0NEWBIE", displayName: "newbie" } as const;
    const first = await resolveActor(handle.db, stranger);
    const again = await resolveActor(handle.db, stranger);
    expect(again).toEqual(first);
    expect(first.roles.size).toBe(0);
    expect(await handle.db.identity.count({ where: { externalId: "U0NEWBIE" } })).toBe(1);
  });
});
