import { describe, expect, it } from "vitest";
import { ChannelCooldowns } from "../../../src/outbox/cooldowns.js";
import { OutboxMetrics } from "../../../src/outbox/metrics.js";
import { cardOrderingKey, channelOrderingKey } from "../../../src/outbox/ordering-keys.js";
import { decodePayload, encodePayload } from "../../../src/outbox/payload.js";

describe("GIVEN the ordering keys", () => {
  it("THEN a channel and a card are named as documented", () => {
    expect(channelOrderingKey("slack", "C123")).toBe("slack:C123");
    expect(cardOrderingKey("incident", 7, "discord")).toBe("card:incident:7:discord");
  });
});

describe("GIVEN an outbox payload", () => {
  it("THEN the body and ref survive the round trip through the database's text column", () => {
    const ref = { ticketKind: "incident", ticketId: 7, purpose: "card" };
    expect(decodePayload(encodePayload({ body: { title: "VPN down", fields: [1, 2] }, ref }))).toEqual({
      body: { title: "VPN down", fields: [1, 2] },
      ref,
    });
  });

  it("THEN a message without a body is refused when queued, and foreign text is refused when read", () => {
    expect(() => encodePayload({ body: undefined, ref: null })).toThrow("needs a body");
    expect(() => decodePayload('{"ref":{"ticketId":"seven"}}')).toThrow();
    expect(() => decodePayload("not json")).toThrow();
  });
});

describe("GIVEN the outbox counters", () => {
  it("THEN readers get a copy that does not move under them", () => {
    const metrics = new OutboxMetrics();
    metrics.increment("delivered");
    const before = metrics.snapshot();
    metrics.increment("rate_limited");
    expect(before).toEqual({ delivered: 1, retried: 0, dead: 0, rate_limited: 0 });
    expect(metrics.snapshot()).toEqual({ delivered: 1, retried: 0, dead: 0, rate_limited: 1 });
  });
});

describe("GIVEN a channel told to slow down until t=1000", () => {
  it("THEN it cools down until then, and a shorter second hold does not shorten it", () => {
    const cooldowns = new ChannelCooldowns();
    cooldowns.hold("slack", "C1", 1_000);
    cooldowns.hold("slack", "C1", 500);
    expect(cooldowns.isCooling("slack", "C1", 999)).toBe(true);
    expect(cooldowns.isCooling("slack", "C2", 999)).toBe(false);
    expect(cooldowns.isCooling("slack", "C1", 1_000)).toBe(false);
  });
});

describe("GIVEN a platform told to slow down globally until t=1000", () => {
  it("THEN every channel of that platform cools down, and the other platform does not", () => {
    const cooldowns = new ChannelCooldowns();
    cooldowns.holdPlatform("discord", 1_000);
    expect(cooldowns.isCooling("discord", "111", 999)).toBe(true);
    expect(cooldowns.isCooling("discord", "222", 999)).toBe(true);
    expect(cooldowns.isCooling("slack", "C1", 999)).toBe(false);
    expect(cooldowns.isCooling("discord", "111", 1_000)).toBe(false);
  });
});
