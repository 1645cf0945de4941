import { beforeAll, describe, expect, it } from "vitest";
import type { Desk } from "../../../src/desk/desk.js";
import type { Interaction } from "../../../src/desk/interaction.js";
import { createIncident } from "../../../src/practices/incidents/create-incident.js";
import { describeEachDatabase } from "../../support/databases.js";
import { people } from "../../support/desk-config.js";
import { seedIncidentWorld } from "../../support/incident-fixtures.js";
import { replicaDesk, replyText, syncDeskConfig } from "../../support/replica-desk.js";

// PostgreSQL refuses U+0000 in text ("invalid byte sequence for encoding UTF8: 0x00") and SQLite stores it:
// both must refuse it the same way, privately, before anything is written.
const nul = "\u0000";
const advice = "contains a NUL character (U+0000), which OpsDesk cannot store. Remove it and send again";

describeEachDatabase("GIVEN a person whose text carries a NUL byte", (db) => {
  let desk: Desk;
  let ref: string;
  beforeAll(async () => {
    const { handle, provider } = db();
    await syncDeskConfig(handle.db, provider);
    desk = replicaDesk(handle.db);
    ref = replyText(await send({ kind: "command_text", command: "incident", text: "Clean title" })).slice(
      0,
      5,
    );
  });

  const send = (interaction: Interaction) =>
    desk.handle({ platform: "slack", user: { id: people.ada.slack, name: people.ada.name }, interaction });

  async function expectRefused(interaction: Interaction, words: string) {
    const before = {
      incidents: await db().handle.db.incident.count(),
      changes: await db().handle.db.change.count(),
      timeline: await db().handle.db.timelineEntry.count(),
    };
    const reply = await send(interaction);
    expect(["notice", "field_errors"]).toContain(reply?.kind);
    if (reply?.kind === "notice") expect(reply.notice.tone).toBe("error");
    expect(replyText(reply)).toContain(words);
    expect(replyText(reply)).toContain(advice);
    expect({
      incidents: await db().handle.db.incident.count(),
      changes: await db().handle.db.change.count(),
      timeline: await db().handle.db.timelineEntry.count(),
    }).toEqual(before);
  }

  describe("WHEN it is typed in a command (Slack, the console)", () => {
    it("THEN the command is refused with what to do, and nothing is written", async () => {
      await expectRefused(
        { kind: "command_text", command: "incident", text: `Payments${nul} down` },
        "The command",
      );
      await expectRefused(
        { kind: "command_text", command: "incident", text: `note ${ref} Rolled${nul}back` },
        "The command",
      );
    });
  });

  describe("WHEN it is in a Discord option", () => {
    it("THEN the option is named and nothing is written", async () => {
      await expectRefused(
        { kind: "command_options", command: "incident", subcommand: "new", options: { title: `A${nul}B` } },
        "title",
      );
      await expectRefused(
        {
          kind: "command_options",
          command: "change",
          subcommand: "new",
          options: { title: `Upgrade${nul}`, start: "2030-01-02 22:00", end: "2030-01-02 23:00" },
        },
        "title",
      );
    });
  });

  describe("WHEN it is in a form field", () => {
    it("THEN the error is shown next to that field and nothing is written", async () => {
      await expectRefused(
        {
          kind: "form",
          submission: {
            formId: "incident.new",
            hidden: {},
            values: { title: "Fine title", description: `Logs:${nul}` },
          },
        },
        "description",
      );
      await expectRefused(
        {
          kind: "form",
          submission: { formId: "incident.note", hidden: { ref }, values: { text: `x${nul}y` } },
        },
        "text",
      );
    });
  });

  describe("WHEN a practice is called with it directly (a message action, a job)", () => {
    it("THEN the one validation layer refuses it with the field's name", async () => {
      const { handle } = db();
      const world = await seedIncidentWorld(handle.db, "nul");
      await expect(
        createIncident(world.ctx, world.agent, { title: "Fine", description: `a${nul}b` }),
      ).rejects.toMatchObject({
        code: "validation_failed",
        userMessage: `Your text (description) ${advice}.`,
      });
      expect(await handle.db.incident.count({ where: { title: "Fine" } })).toBe(0);
    });
  });
});
