// Service requests with SLA clocks on a real database: the clocks follow the request's changes (response
// until someone acts, fulfilment paused while the requester is asked, a new cycle on reopen), and the sweep
// posts each warning and breach once, like an incident's.
import { beforeAll, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/parse.js";
import type { OpsdeskConfig } from "../../../src/config/types.js";
import type { Db } from "../../../src/db/client.js";
import { ManualClock } from "../../../src/kernel/clock.js";
import type { Actor } from "../../../src/kernel/people/actor.js";
import { actorForPerson } from "../../../src/kernel/people/resolve-actor.js";
import { itilPriorityMatrix } from "../../../src/kernel/priority.js";
import { createTicketDirectory } from "../../../src/kernel/tickets/directory.js";
import type { Card } from "../../../src/kernel/views/card.js";
import { runSlaCommand } from "../../../src/practices/incidents/sla/handler.js";
import { createSlaRuntime } from "../../../src/practices/incidents/sla/runtime.js";
import { chaseApprovals } from "../../../src/practices/requests/approval-deadlines.js";
import type { RequestContext } from "../../../src/practices/requests/context.js";
import { createRequest } from "../../../src/practices/requests/create-request.js";
import {
  answerQuestion,
  askRequester,
  cancelRequest,
  castVote,
  reopenRequest,
} from "../../../src/practices/requests/decide.js";
import type { RequestSnapshot } from "../../../src/practices/requests/model.js";
import { requestOwner } from "../../../src/practices/requests/owner.js";
import { runRequestSlaSweep } from "../../../src/practices/requests/sla/sweep.js";
import { actOnTask } from "../../../src/practices/requests/tasks.js";
import { describeEachDatabase } from "../../support/databases.js";

const yaml = `
timezone: Europe/Berlin
calendars:
  business:
    hours:
      mon: [["09:00", "17:00"]]
      tue: [["09:00", "17:00"]]
      wed: [["09:00", "17:00"]]
      thu: [["09:00", "17:00"]]
      fri: [["09:00", "17:00"]]
people:
  - { id: rita, name: Rita Requester }
  - { id: ada, name: Ada Approver, timezone: America/New_York }
  - { id: tom, name: Tom Tech }
groups:
  - { id: approvers, name: Approvers, members: [ada] }
  - { id: service-desk, name: Service desk, roles: [agent], members: [tom], lead: ada }
channels:
  slaAlerts: { console: "#sla-alerts" }
requests:
  channels: { console: "#requests" }
  managers: { ada: tom }
  approvalDeadline: { remindAfter: 2h, escalateAfter: 4h, calendar: business }
  categories: [{ id: hw, name: Hardware }]
  items:
    - id: laptop
      name: New laptop
      category: hw
      approval: { group: approvers, quorum: 1 }
      fulfilment: { tasks: [{ title: Order it, group: service-desk }] }
      sla: { response: 1h, fulfilment: 4h, calendar: business, thresholds: [50] }
    - id: mouse
      name: Mouse
      category: hw
      fulfilment: { tasks: [{ title: Hand it over, group: service-desk }] }
`;

/** Monday 2 Nov 2026 in Berlin (CET, UTC+1). */
const monday = (hhmm: string) => new Date(`2026-11-02T${hhmm}:00+01:00`);
const silent = { info() {}, error() {} };

async function seedWorld(db: Db) {
  const config = parseConfig(yaml, "opsdesk.yaml");
  const clock = new ManualClock(monday("09:00"));
  const ctx: RequestContext = { db, clock, config, platforms: ["console"] };
  const people: Record<string, Actor> = {};
  for (const person of config.people)
    await db.person.create({
      data: { id: person.id, displayName: person.name, timezone: person.timezone },
    });
  for (const group of config.groups)
    await db.group.create({
      data: {
        id: group.id,
        name: group.name,
        roles: { create: group.roles.map((role) => ({ role })) },
        members: { create: group.members.map((member) => ({ personId: member.personId })) },
      },
    });
  for (const id of ["rita", "ada", "tom"]) {
    await db.identity.create({ data: { platform: "console", externalId: `@${id}`, personId: id } });
    const actor = await actorForPerson(db, id);
    if (!actor) throw new Error(`no ${id}`);
    people[id] = actor;
  }
  const who = (id: string) => people[id] as Actor;
  const at = <T>(when: Date, work: () => Promise<T>) => {
    clock.set(when);
    return work();
  };
  const request = (when: Date, itemId = "laptop") => {
    const item = config.requests.items.find((candidate) => candidate.id === itemId);
    if (!item) throw new Error(`no item ${itemId}`);
    return at(when, () => createRequest(ctx, who("rita"), item, {}));
  };
  return { config, clock, ctx, who, at, request };
}

describeEachDatabase("GIVEN catalog items with an SLA", (database) => {
  let db: Db;
  let world: Awaited<ReturnType<typeof seedWorld>>;
  let config: OpsdeskConfig;
  let ctx: RequestContext;
  let clock: ManualClock;

  beforeAll(async () => {
    db = database().handle.db;
    world = await seedWorld(db);
    ({ config, ctx, clock } = world);
  });

  const who = (id: string) => world.who(id);
  const request = (when: Date, itemId = "laptop") => world.request(when, itemId);
  const at = <T>(when: Date, work: () => Promise<T>) => world.at(when, work);
  const clocksOf = (req: RequestSnapshot) =>
    db.requestSlaClock.findMany({
      where: { requestId: req.id },
      orderBy: [{ kind: "asc" }, { cycle: "asc" }],
    });
  const sweep = (when: Date) => at(when, () => runRequestSlaSweep({ ...ctx, log: silent }));
  const alertsIn = (channelId: string, ref: string) =>
    db.outboxMessage
      .findMany({ where: { kind: "post_alert", channelId }, orderBy: { id: "asc" } })
      .then((rows) =>
        rows
          .map((row) => JSON.parse(row.payload).body.headline as string)
          .filter((h) => h.includes(`${ref} `)),
      );

  it("THEN both clocks start with the request on the business calendar, and an item without sla runs none", async () => {
    const laptop = await request(monday("16:30"));
    const [resolution, response] = await clocksOf(laptop);
    expect(response).toMatchObject({
      kind: "response",
      cycle: 1,
      stoppedAt: null,
      dueAt: new Date("2026-11-03T09:30:00+01:00"),
    });
    // 4 business hours from 16:30 Monday: 30 minutes on Monday, 3h30 on Tuesday.
    expect(resolution).toMatchObject({
      kind: "resolution",
      cycle: 1,
      dueAt: new Date("2026-11-03T12:30:00+01:00"),
    });
    const mouse = await request(monday("16:30"), "mouse");
    expect(await clocksOf(mouse)).toEqual([]);
  });

  it("THEN a question stops the response clock and pauses fulfilment until the answer; the work fulfilled meets it; a reopen starts cycle 2", async () => {
    const laptop = await request(monday("09:00"));
    await at(monday("09:20"), () => askRequester(ctx, who("ada"), laptop.number, "Which model?"));
    let [resolution, response] = await clocksOf(laptop);
    expect(response).toMatchObject({ stopReason: "responded", breached: false });
    expect(resolution?.pausedSince).toEqual(monday("09:20"));
    expect(resolution?.dueAt).toBeNull();
    await at(monday("11:20"), () => answerQuestion(ctx, who("rita"), laptop.number, "The developer one"));
    [resolution] = await clocksOf(laptop);
    // Two hours waiting on Rita are not counted: due 13:00 + 2h.
    expect(resolution).toMatchObject({ pausedSince: null, dueAt: monday("15:00") });
    await at(monday("11:30"), () => castVote(ctx, who("ada"), laptop.number, "approve", undefined));
    await at(monday("12:00"), () =>
      actOnTask(ctx, who("tom"), { number: laptop.number, position: 1 }, { type: "take" }),
    );
    await at(monday("14:00"), () =>
      actOnTask(ctx, who("tom"), { number: laptop.number, position: 1 }, { type: "done", note: "Delivered" }),
    );
    [resolution] = await clocksOf(laptop);
    expect(resolution).toMatchObject({ stoppedAt: monday("14:00"), stopReason: "resolved", breached: false });
    await at(monday("15:00"), () => reopenRequest(ctx, who("rita"), laptop.number, "It does not boot"));
    const rows = await clocksOf(laptop);
    expect(rows.map((row) => [row.kind, row.cycle, row.stoppedAt === null])).toEqual([
      ["resolution", 1, false],
      ["resolution", 2, true],
      ["response", 1, false],
    ]);
    expect(rows[1]?.dueAt).toEqual(new Date("2026-11-03T11:00:00+01:00"));
  });

  it("THEN the sweep posts the warning and the breach once each, to the alert channel and the approver waiting, and the card's SLA line", async () => {
    const laptop = await request(monday("09:00"));
    // At 10:05 the response clock (1h) is past 50 % and breached; fulfilment (4h) has not reached 50 %.
    expect(await sweep(monday("10:05"))).toMatchObject({ fired: 2 });
    expect(await alertsIn("#sla-alerts", laptop.ref)).toEqual([
      `SLA warning: ${laptop.ref} response is at 50 % of 1h, 0m left.`,
      `SLA breached: ${laptop.ref} response is 5m overdue (target 1h).`,
    ]);
    const dms = await db.outboxMessage.findMany({
      where: { kind: "direct_message", channelId: "@ada", idempotencyKey: { startsWith: "request-sla:" } },
    });
    expect(dms).toHaveLength(2);
    const breach = await db.outboxMessage.findFirst({
      where: { kind: "post_alert", idempotencyKey: { contains: ":c1:100:" }, channelId: "#sla-alerts" },
      orderBy: { id: "desc" },
    });
    expect(JSON.parse(breach?.payload ?? "{}").body.mentions).toEqual(["@ada"]);
    const card = await db.outboxMessage.findFirst({
      where: { kind: "update_card", idempotencyKey: { startsWith: "request-sla:" }, channelId: "#requests" },
      orderBy: { id: "desc" },
    });
    expect(JSON.stringify(JSON.parse(card?.payload ?? "{}").body.card.fields)).toContain(
      "Response: 5m overdue (108 %) · Fulfilment: 2h 55m left (27 %)",
    );
    // Again at the same instant, and after a cancel: nothing more.
    expect(await sweep(monday("10:05"))).toMatchObject({ fired: 0 });
    await at(monday("10:10"), () => cancelRequest(ctx, who("rita"), laptop.number, undefined));
    // Other requests of this file fall due by 17:00; this one says nothing more.
    await sweep(monday("17:00"));
    expect(await alertsIn("#sla-alerts", laptop.ref)).toHaveLength(2);
    const [resolution, response] = await clocksOf(laptop);
    expect(resolution).toMatchObject({ stopReason: "cancelled", breached: false });
    expect(response).toMatchObject({ breached: true });
  });

  it("THEN /sla show REQ-n reads the request's clocks through the ticket directory, both clocks named as a request's", async () => {
    const laptop = await request(monday("09:00"));
    await at(monday("09:30"), () => askRequester(ctx, who("ada"), laptop.number, "Which model?"));
    const show = async (ref: string) => {
      const tickets = createTicketDirectory(() => [requestOwner(db, config)]);
      const incidents = { db, clock, priorityMatrix: itilPriorityMatrix, tickets };
      const reply = await runSlaCommand(
        { platform: "console", actor: who("rita"), incidents, sla: createSlaRuntime(config) },
        { command: "sla", subcommand: "show", args: { ref } },
      );
      if (reply.kind !== "view") throw new Error(`expected a view, got ${reply.kind}`);
      return reply.view as Card;
    };
    clock.set(monday("10:00"));
    const card = await show(laptop.ref.toLowerCase());
    expect(card.title).toBe(`SLA · ${laptop.ref} · New laptop`);
    expect(card.fields.map((field) => [field.label, field.value])).toEqual([
      ["Response", "Target 1h on business · elapsed 30m (50 %) · 30m left · stopped: met"],
      ["Response due", "Mon 2 Nov, 10:00 CET"],
      [
        "Fulfilment",
        "Target 4h on business · elapsed 30m (12 %) · 3h 30m left · paused: paused, 3h 30m left (12 %)",
      ],
      ["Fulfilment due", "paused: no due time until work resumes"],
    ]);
    const mouse = await request(monday("09:00"), "mouse");
    expect((await show(mouse.ref)).body).toBe(
      `${mouse.ref} has no SLA clocks: its catalog item (mouse) had no sla when it was requested.`,
    );
    await expect(show("REQ-999")).rejects.toThrow("There is no REQ-999.");
    await expect(show("laptop please")).rejects.toThrow(
      '"laptop please" is not an incident or a request: write it like INC-7 or REQ-4.',
    );
  });
});

describeEachDatabase("GIVEN an approval deadline of 2h to a reminder and 4h to escalation", (database) => {
  let db: Db;
  let world: Awaited<ReturnType<typeof seedWorld>>;
  beforeAll(async () => {
    db = database().handle.db;
    world = await seedWorld(db);
  });
  /** The words of each post of a kind in a channel (post texts are segments: OpsDesk's and people's words). */
  const texts = async (kind: string, channelId: string) =>
    (await db.outboxMessage.findMany({ where: { kind, channelId }, orderBy: { id: "asc" } })).map((row) =>
      (JSON.parse(row.payload).body.text as { text: string }[]).map((segment) => segment.text).join(""),
    );

  it("THEN the approver is reminded after 2h of their own working day, and their manager told after 4h, once each", async () => {
    // 09:00 in Berlin is 03:00 for Ada in New York: her working day starts at 15:00 Berlin time.
    const laptop = await world.request(monday("09:00"));
    const chase = (hhmm: string) => world.at(monday(hhmm), () => chaseApprovals(world.ctx));
    expect(await chase("16:59")).toEqual({ reminded: 0, escalated: 0 });
    expect(await chase("17:00")).toEqual({ reminded: 1, escalated: 0 });
    expect(await chase("17:00")).toEqual({ reminded: 0, escalated: 0 });
    const toAda = await texts("direct_message", "@ada");
    expect(toAda).toHaveLength(2);
    expect(toAda[1]).toContain(
      `Reminder: ${laptop.ref} (New laptop) has waited 2h of working time for your approval.`,
    );
    expect(await chase("18:59")).toEqual({ reminded: 0, escalated: 0 });
    expect(await chase("19:00")).toEqual({ reminded: 0, escalated: 1 });
    expect(await chase("23:00")).toEqual({ reminded: 0, escalated: 0 });
    const toTom = await texts("direct_message", "@tom");
    expect(toTom).toHaveLength(1);
    expect(toTom[0]).toContain(
      `Ada Approver has not decided on ${laptop.ref} (New laptop, requested by Rita Requester) after 4h of working time.`,
    );
    expect((await texts("thread_reply", "#requests")).at(-1)).toContain(
      "Escalated: Ada Approver has not decided after 4h.",
    );
  });

  it("THEN an approval decided in time, or waiting on the requester's answer, is not chased", async () => {
    const decided = await world.request(monday("15:00"));
    await world.at(monday("15:30"), () =>
      castVote(world.ctx, world.who("ada"), decided.number, "approve", undefined),
    );
    const asked = await world.request(monday("15:00"));
    await world.at(monday("15:30"), () =>
      askRequester(world.ctx, world.who("ada"), asked.number, "Which one?"),
    );
    expect(await world.at(new Date("2026-11-03T12:00:00+01:00"), () => chaseApprovals(world.ctx))).toEqual({
      reminded: 0,
      escalated: 0,
    });
  });
});
