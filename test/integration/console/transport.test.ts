// The console's outbox transport on both engines: posts exactly once per row, updates the card in place,
// threads lines under it, opens a room for a major incident, and posts anew when the card's post was lost.
import { expect, it } from "vitest";
import { ConsoleMessageStore } from "../../../src/adapters/console/messages/store.js";
import { ConsoleTransport } from "../../../src/adapters/console/transport.js";
import { ManualClock } from "../../../src/kernel/clock.js";
import type { Card } from "../../../src/kernel/views/card.js";
import { databaseRefStore, type OutboxRow, PermanentDeliveryError } from "../../../src/outbox/index.js";
import { saveChatMessageRef } from "../../../src/outbox/refs.js";
import { describeEachDatabase } from "../../support/databases.js";

const cardWith = (status: string): Card => ({
  type: "card",
  title: "INC-7 · Payments down",
  badge: { text: status, intent: "danger" },
  fields: [{ label: "Status", value: status }],
  actions: [],
  links: [],
  timestamp: new Date("2026-11-02T09:00:00Z"),
});

let nextRow = 1;
function row(kind: string, body: unknown, extra: Partial<OutboxRow> = {}): OutboxRow {
  const id = nextRow++;
  return {
    id,
    idempotencyKey: `test:${id}:${kind}`,
    platform: "console",
    channelId: "#incidents",
    orderingKey: "card:incident:7:console",
    kind,
    // Bodies travel as JSON: dates arrive as text.
    body: JSON.parse(JSON.stringify(body)),
    ref: { ticketKind: "incident", ticketId: 7, purpose: "card" },
    attempt: 1,
    previousError: null,
    createdAt: new Date("2026-11-02T09:00:00Z"),
    ...extra,
  };
}

describeEachDatabase("GIVEN the console transport", (database) => {
  const setup = () => {
    const { db } = database().handle;
    const store = new ConsoleMessageStore(db, new ManualClock("2026-11-02T09:00:00Z"));
    return { db, store, transport: new ConsoleTransport(store), refs: databaseRefStore(db) };
  };

  it("THEN a post retried after an unknown outcome finds its first message instead of posting twice", async () => {
    const { db, store, transport, refs } = setup();
    const post = row("post_card", { card: cardWith("New") });
    const first = await transport.deliver(post, refs);
    const retried = await transport.deliver({ ...post, attempt: 2 }, refs);
    expect(retried.message?.messageId).toBe(first.message?.messageId);
    const cards = (await store.channel("#incidents", "ada")).filter((m) => m.content.kind === "card");
    expect(cards).toHaveLength(1);
    const ref = first.message;
    if (!ref) throw new Error("no message");
    await db.$transaction((tx) =>
      saveChatMessageRef(
        tx,
        { ticketKind: "incident", ticketId: 7, purpose: "card", platform: "console", ...ref, threadId: null },
        new Date(),
      ),
    );
  });

  it("THEN an update rewrites that card in place, and thread lines go under it", async () => {
    const { store, transport, refs } = setup();
    const heard: number[] = [];
    store.onWrite((m) => heard.push(m.id));
    await transport.deliver(row("update_card", { card: cardWith("In progress") }), refs);
    await transport.deliver(row("thread_reply", { text: "Ada Agent acknowledged INC-7." }), refs);
    const [card] = (await store.channel("#incidents", "ada")).filter((m) => m.content.kind === "card");
    expect(card?.content.kind === "card" && card.content.view.badge?.text).toBe("In progress");
    expect(card?.replyCount).toBe(1);
    const thread = await store.thread(card?.id ?? 0, "ada");
    expect(thread?.replies.map((r) => r.content.kind === "text" && r.content.text)).toEqual([
      "Ada Agent acknowledged INC-7.",
    ]);
    // Live pages heard the update, the new line, and the card's new reply count.
    expect(heard).toHaveLength(3);
  });

  it("THEN a major incident gets its own channel with the card, linked from the card's thread", async () => {
    const { store, transport, refs } = setup();
    const room = await transport.deliver(
      row(
        "open_major_room",
        { name: "inc-7-payments-down", card: cardWith("In progress"), invite: ["rita", "ada"] },
        {
          ref: { ticketKind: "incident", ticketId: 7, purpose: "major_room" },
        },
      ),
      refs,
    );
    expect(room.message?.channelId).toBe("#inc-7-payments-down");
    expect(await store.channelIds()).toContain("#inc-7-payments-down");
    const inRoom = await store.channel("#inc-7-payments-down", "otto");
    expect(inRoom.map((m) => m.content.kind)).toEqual(["card", "text"]);
    expect(inRoom[1]?.content).toEqual({ kind: "text", text: "Invited to this room: @rita @ada" });
    const [card] = (await store.channel("#incidents", "ada")).filter((m) => m.content.kind === "card");
    const lines = (await store.thread(card?.id ?? 0, "ada"))?.replies.map(
      (r) => r.content.kind === "text" && r.content.text,
    );
    expect(lines).toContain("Major incident room: #inc-7-payments-down");
  });

  it("THEN an update whose card was never posted posts the current state instead of losing it", async () => {
    const { store, transport, refs } = setup();
    const posted = await transport.deliver(
      row(
        "update_card",
        { card: cardWith("Resolved") },
        { ref: { ticketKind: "incident", ticketId: 99, purpose: "card" } },
      ),
      refs,
    );
    const message = await store.find(Number(posted.message?.messageId));
    expect(message?.content.kind === "card" && message.content.view.badge?.text).toBe("Resolved");
  });

  it("THEN any other post shows its card or its text in its channel, like an SLA alert", async () => {
    const { store, transport, refs } = setup();
    const alert = await transport.deliver(
      row(
        "post_sla_warning",
        { text: "INC-7 will breach its resolution target in 30m" },
        { channelId: "#sla-alerts", ref: null },
      ),
      refs,
    );
    const [message] = await store.channel("#sla-alerts", "ada");
    expect(alert.message?.messageId).toBe(String(message?.id));
    expect(message?.content).toEqual({
      kind: "text",
      text: "INC-7 will breach its resolution target in 30m",
    });
    await expect(
      transport.deliver(
        row("post_message", { nothing: true }, { channelId: "#sla-alerts", ref: null }),
        refs,
      ),
    ).rejects.toBeInstanceOf(PermanentDeliveryError);
  });

  it("THEN a kind the console does not know is a permanent failure, for the dead letters", async () => {
    const { transport, refs } = setup();
    await expect(transport.deliver(row("send_fax", {}), refs)).rejects.toBeInstanceOf(PermanentDeliveryError);
  });
});
