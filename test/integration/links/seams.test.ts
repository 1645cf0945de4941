// The kernel's seams between practices (src/kernel/tickets: directory, events, advice) with the real incidents
// and changes practices on a real database: events reach other practices inside the publisher's transaction
// (a failing subscriber undoes the change it reacted to), and advice is linked when an incident is raised and
// shown in the raiser's answer.
import { beforeAll, describe, expect, it } from "vitest";
import type { Advice, ItemDraft } from "../../../src/kernel/practice.js";
import { createTicketDirectory, type TicketOwner } from "../../../src/kernel/tickets/directory.js";
import { createTicketEventBus, type TicketEvent } from "../../../src/kernel/tickets/events.js";
import { linksOf } from "../../../src/kernel/tickets/links.js";
import { applyChangeAction } from "../../../src/practices/changes/apply-change-action.js";
import { createChange } from "../../../src/practices/changes/create-change.js";
import { changeEventsHook } from "../../../src/practices/changes/events-hook.js";
import { changeOwner } from "../../../src/practices/changes/owner.js";
import { applyIncidentAction } from "../../../src/practices/incidents/apply-incident-action.js";
import type { IncidentContext } from "../../../src/practices/incidents/context.js";
import { incidentEventsHook } from "../../../src/practices/incidents/events-hook.js";
import { findIncident } from "../../../src/practices/incidents/find-incident.js";
import { runIncidentCommand } from "../../../src/practices/incidents/handler.js";
import { incidentOwner } from "../../../src/practices/incidents/owner.js";
import { type ChangeWorld, seedChangeWorld } from "../../support/change-fixtures.js";
import { describeEachDatabase } from "../../support/databases.js";
import { type IncidentWorld, seedIncidentWorld } from "../../support/incident-fixtures.js";

describeEachDatabase("GIVEN incidents and changes joined only through the kernel's seams", (db) => {
  let incidents: IncidentWorld;
  let changes: ChangeWorld;
  let ctx: IncidentContext;
  const seen: TicketEvent[] = [];
  let failOn: string | undefined;
  let advice: (draft: ItemDraft) => Advice[] = () => [];

  beforeAll(async () => {
    incidents = await seedIncidentWorld(db().handle.db, "seams");
    changes = await seedChangeWorld(db().handle.db, "seams");
    const owners: TicketOwner[] = [];
    const tickets = createTicketDirectory(() => owners);
    const events = createTicketEventBus(() => [
      async (_tx, event) => {
        if (event.type === failOn) throw new Error(`a subscriber failed on ${event.type}`);
        seen.push(event);
      },
    ]);
    ctx = {
      ...incidents.ctx,
      tickets,
      onChange: [incidentEventsHook(events)],
      advise: async (_tx, draft) => advice(draft),
    };
    changes.ctx = { ...changes.ctx, onChange: [changeEventsHook(events)] };
    owners.push(incidentOwner(ctx), changeOwner(changes.ctx));
  });

  describe("WHEN an incident is raised and resolved", () => {
    it("THEN other practices hear `raised` and `resolved` with the service and the resolution code", async () => {
      seen.length = 0;
      const { agent } = incidents;
      const reply = await runIncidentCommand(
        { platform: "slack", actor: agent, incidents: ctx },
        {
          command: "incident",
          subcommand: "new",
          args: { title: "Card payments fail", impact: "high", urgency: "high", service: "payments" },
        },
      );
      const number = Number(/INC-(\d+)/.exec(JSON.stringify(reply))?.[1]);
      await applyIncidentAction(ctx, agent, number, { type: "resolve", code: "fixed", note: "Restarted" });
      expect(seen.map((e) => [e.ref, e.type, e.data?.serviceId, e.data?.resolutionCode])).toEqual([
        [{ kind: "INC", key: String(number) }, "raised", "payments", undefined],
        [{ kind: "INC", key: String(number) }, "resolved", "payments", "fixed"],
      ]);
    });
  });

  describe("WHEN a subscriber fails on the event of a change", () => {
    it("THEN the change it reacted to is undone with it: nothing half-done", async () => {
      const { agent } = incidents;
      const reply = await runIncidentCommand(
        { platform: "slack", actor: agent, incidents: ctx },
        {
          command: "incident",
          subcommand: "new",
          args: { title: "VPN slow", impact: "low", urgency: "low" },
        },
      );
      const number = Number(/INC-(\d+)/.exec(JSON.stringify(reply))?.[1]);
      failOn = "acknowledged";
      try {
        await expect(applyIncidentAction(ctx, agent, number, { type: "acknowledge" })).rejects.toThrow(
          "a subscriber failed on acknowledged",
        );
      } finally {
        failOn = undefined;
      }
      expect((await findIncident(db().handle.db, number)).status).toBe("new");
    });
  });

  describe("WHEN a change moves through its statuses", () => {
    it("THEN each status it enters is published once, and an event without a status change is not", async () => {
      seen.length = 0;
      const { requester } = changes;
      const day = "2026-11-25";
      const { change } = await createChange(changes.ctx, requester, {
        title: "Rotate the payments key",
        start: `${day} 22:00`,
        end: `${day} 23:00`,
        serviceIds: ["payments"],
        risk: "low",
        impact: "low",
      });
      await applyChangeAction(changes.ctx, requester, change.number, { type: "submit" });
      expect(seen.map((e) => [e.ref.kind, e.type, e.data?.status])).toEqual([
        ["CHG", "raised", "new"],
        ["CHG", "assess", "assess"],
      ]);
    });
  });

  describe("WHEN another practice advises on an incident being raised", () => {
    it("THEN the advice is linked in the raising transaction and the raiser's answer shows it", async () => {
      const { requester } = changes;
      const day = "2026-11-26";
      const { change } = await createChange(changes.ctx, requester, {
        title: "Replace the VPN concentrator",
        start: `${day} 22:00`,
        end: `${day} 23:00`,
        serviceIds: [],
        risk: "low",
        impact: "low",
      });
      advice = (draft) =>
        draft.title.includes("VPN")
          ? [{ to: { kind: "CHG", key: String(change.number) }, relation: "suggested" }]
          : [];
      try {
        const reply = await runIncidentCommand(
          { platform: "slack", actor: incidents.reporter, incidents: ctx },
          {
            command: "incident",
            subcommand: "new",
            args: { title: "VPN drops hourly", impact: "low", urgency: "low" },
          },
        );
        expect(reply).toMatchObject({
          kind: "view",
          view: {
            title: expect.stringMatching(/^INC-\d+ is raised with priority P5: VPN drops hourly$/),
            fields: [{ label: "Looks like", value: `${change.ref} · Replace the VPN concentrator (New)` }],
          },
        });
        const number = Number(/INC-(\d+)/.exec(JSON.stringify(reply))?.[1]);
        expect(await linksOf(db().handle.db, { kind: "INC", key: String(number) })).toEqual([
          expect.objectContaining({
            relation: "suggested",
            direction: "out",
            other: { kind: "CHG", key: String(change.number) },
          }),
        ]);
        const quiet = await runIncidentCommand(
          { platform: "slack", actor: incidents.reporter, incidents: ctx },
          {
            command: "incident",
            subcommand: "new",
            args: { title: "Printer jam", impact: "low", urgency: "low" },
          },
        );
        expect(quiet).toMatchObject({ kind: "notice" });
      } finally {
        advice = () => [];
      }
    });
  });
});
