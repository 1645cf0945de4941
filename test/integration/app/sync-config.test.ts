import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { syncConfigToDatabase } from "../../../src/app/sync-config.js";
import { parseConfig } from "../../../src/config/parse.js";
import type { Db } from "../../../src/db/client.js";
import { resolveActor } from "../../../src/kernel/people/resolve-actor.js";
import { projectRoot } from "../../../src/paths.js";
import { describeEachDatabase } from "../../support/databases.js";

const exampleText = readFileSync(join(projectRoot(), "manifests", "opsdesk.example.yaml"), "utf8");

async function snapshot(db: Db) {
  return {
    people: await db.person.findMany({
      orderBy: { id: "asc" },
      select: { id: true, displayName: true, fromConfig: true },
    }),
    identities: await db.identity.findMany({ orderBy: [{ platform: "asc" }, { externalId: "asc" }] }),
    roles: await db.groupRole.findMany({ orderBy: [{ groupId: "asc" }, { role: "asc" }] }),
    members: await db.groupMember.findMany({ orderBy: [{ groupId: "asc" }, { personId: "asc" }] }),
    services: await db.service.findMany({ orderBy: { id: "asc" } }),
    channels: await db.serviceChannel.findMany({ orderBy: [{ serviceId: "asc" }, { platform: "asc" }] }),
    dependencies: await db.serviceDependency.findMany({
      orderBy: [{ serviceId: "asc" }, { dependsOnId: "asc" }],
    }),
  };
}

describeEachDatabase("GIVEN the example opsdesk.yaml synced into the database", (db) => {
  it("THEN people, groups with roles, and services with channels and dependencies are there", async () => {
    const config = parseConfig(exampleText, "opsdesk.example.yaml");
    const { handle, provider } = db();
    await syncConfigToDatabase(handle.db, provider, config);
    const state = await snapshot(handle.db);
    expect(state.people.length).toBe(config.people.length + countBarePlatformMembers(config));
    expect(state.services.map((s) => s.id).sort()).toEqual(config.services.map((s) => s.id).sort());
    const withDependencies = config.services.find((s) => s.dependsOn.length > 0);
    expect(withDependencies).toMatchObject({ id: "payments", dependsOn: ["identity"] });
    expect(
      state.dependencies
        .filter((d) => d.serviceId === withDependencies?.id)
        .map((d) => d.dependsOnId)
        .sort(),
    ).toEqual([...(withDependencies?.dependsOn ?? [])].sort());
    const agentGroup = config.groups.find((g) => g.roles.includes("agent"));
    const agentMember = config.people.find(
      (p) => agentGroup?.members.some((m) => m.personId === p.id) && p.slack,
    );
    expect(agentMember).toMatchObject({ id: "ada", slack: "U01ADA0001" });
    const actor = await resolveActor(handle.db, {
      platform: "slack",
      externalId: agentMember?.slack ?? "",
      displayName: "x",
    });
    expect(actor.person.id).toBe(agentMember?.id);
    expect(actor.roles.has("agent")).toBe(true);
  });

  it("THEN syncing the same file again changes nothing", async () => {
    const config = parseConfig(exampleText, "opsdesk.example.yaml");
    const { handle, provider } = db();
    const before = await snapshot(handle.db);
    await syncConfigToDatabase(handle.db, provider, config);
    expect(await snapshot(handle.db)).toEqual(before);
  });

  it("THEN replicas syncing at the same moment leave one consistent result", async () => {
    const config = parseConfig(exampleText, "opsdesk.example.yaml");
    const { handle, provider } = db();
    const before = await snapshot(handle.db);
    await Promise.all([1, 2, 3].map(() => syncConfigToDatabase(handle.db, provider, config)));
    expect(await snapshot(handle.db)).toEqual(before);
  });

  it("THEN a service removed from the file is retired, not deleted, and a removed group loses its rights", async () => {
    const config = parseConfig(exampleText, "opsdesk.example.yaml");
    const { handle, provider } = db();
    const [kept, ...dropped] = config.services.filter((s) => s.dependsOn.length === 0);
    const remaining = config.services.filter((s) => s === kept || !dropped.includes(s));
    const trimmed = {
      ...config,
      services: remaining.filter((s) => s.dependsOn.every((d) => remaining.some((r) => r.id === d))),
      groups: [],
    };
    await syncConfigToDatabase(handle.db, provider, trimmed);
    const services = await handle.db.service.findMany();
    const retired = services.filter((s) => !s.active).map((s) => s.id);
    expect(retired.length).toBe(config.services.length - trimmed.services.length);
    expect(await handle.db.groupRole.count()).toBe(0);
    expect(await handle.db.group.count()).toBe(config.groups.length);
  });
});

function countBarePlatformMembers(config: ReturnType<typeof parseConfig>): number {
  const declared = new Set(config.people.map((p) => p.id));
  return new Set(
    config.groups.flatMap((g) => g.members.map((m) => m.personId)).filter((id) => !declared.has(id)),
  ).size;
}
