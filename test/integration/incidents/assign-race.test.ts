import { beforeAll, expect, it } from "vitest";
import type { Desk } from "../../../src/desk/desk.js";
import { readTimeline } from "../../../src/kernel/tickets/timeline-read.js";
import { describeEachDatabase, secondReplicaDb } from "../../support/databases.js";
import { people } from "../../support/desk-config.js";
import { replicaDesk, replyText, syncDeskConfig } from "../../support/replica-desk.js";

const races = 50;

describeEachDatabase("GIVEN two agents on two replicas and 50 new incidents", (db) => {
  const second = secondReplicaDb(db);
  let desks: [Desk, Desk];
  beforeAll(async () => {
    const { handle, provider } = db();
    await syncDeskConfig(handle.db, provider);
    desks = [replicaDesk(handle.db), replicaDesk(second())];
  });

  const click = (desk: Desk, who: typeof people.ada | typeof people.otto, ref: string) =>
    desk.handle({
      platform: "slack",
      user: { id: who.slack, name: who.name },
      interaction: { kind: "button", actionId: "incident.assign_to_me", value: ref },
    });

  it("WHEN both press Assign to me at the same moment, 50 times THEN each incident is assigned once and the other agent is told who won", async () => {
    const [ada, otto] = desks;
    for (let i = 0; i < races; i++) {
      const raised = replyText(
        await ada.handle({
          platform: "slack",
          user: { id: people.rita.slack },
          interaction: { kind: "command_text", command: "incident", text: `Race ${i}` },
        }),
      );
      const ref = /INC-\d+/.exec(raised)?.[0] ?? raised;
      const answers = (await Promise.all([click(ada, people.ada, ref), click(otto, people.otto, ref)])).map(
        replyText,
      );

      const winners = answers.filter((text) => text === `${ref} is assigned.`);
      expect(winners, `race ${i}: ${answers.join(" | ")}`).toHaveLength(1);
      const incident = await db().handle.db.incident.findUniqueOrThrow({
        where: { number: Number(ref.slice(4)) },
        include: { assignee: true },
      });
      const winner = answers[0] === `${ref} is assigned.` ? people.ada : people.otto;
      expect(incident.assignee?.displayName).toBe(winner.name);
      const loserAnswer = answers.find((text) => text !== `${ref} is assigned.`);
      expect(loserAnswer).toContain(`${ref} was already assigned to ${winner.name}.`);
      const timeline = await readTimeline(db().handle.db, "incident", incident.id, { includeInternal: true });
      expect(timeline.filter((entry) => entry.kind === "assigned")).toHaveLength(1);
    }
  });
});
