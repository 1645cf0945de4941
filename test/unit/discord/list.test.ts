import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embedSize } from "../../../src/adapters/discord/render/embed-budget.js";
import { renderList } from "../../../src/adapters/discord/render/list.js";
import { incidentList } from "../../../src/practices/incidents/views/list.js";
import { type FakeDiscord, startFakeDiscord } from "../../fakes/discord/server.js";
import { anIncident } from "../views/incident-fixture.js";
import { postToChannel } from "./support.js";

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake.close();
});

describe("GIVEN a list of incidents", () => {
  it("THEN each incident is a field with its ref, title and status line", () => {
    const message = renderList(incidentList("Open incidents", [anIncident()]));
    expect(message.embeds[0]?.fields).toEqual([
      {
        name: "INC-7 · Payments API down",
        value: "Status: In progress · Priority: P2 · High · Assignee: Alex Agent",
        inline: false,
      },
    ]);
  });

  it("THEN 40 incidents with long titles show 25, say 15 more exist, and are accepted", async () => {
    const incidents = Array.from({ length: 40 }, (_, index) =>
      anIncident({ number: index + 1, ref: `INC-${index + 1}`, title: "Disk full ".repeat(40) }),
    );
    const message = renderList(incidentList("All incidents", incidents));
    const [embed] = message.embeds;
    expect(embed?.fields).toHaveLength(25);
    expect(embed?.footer?.text).toBe("15 more items not shown");
    expect(embedSize(embed ?? {})).toBeLessThanOrEqual(6000);
    await expect(postToChannel(fake, message)).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("THEN an empty list says so instead of posting an empty embed", async () => {
    const message = renderList(incidentList("Mine", []));
    expect(message.embeds[0]?.description).toBe("No incidents to show.");
    await expect(postToChannel(fake, message)).resolves.toMatchObject({ id: expect.any(String) });
  });
});
