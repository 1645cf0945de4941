import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CustomIdTooLongError } from "../../../src/adapters/discord/render/errors.js";
import {
  decodeCustomId,
  encodeActionCustomId,
  encodeFormCustomId,
} from "../../../src/adapters/discord/render/ids.js";

describe("GIVEN a card button for an incident action", () => {
  it("THEN its custom_id is compact and decodes to the action and ref", () => {
    const id = encodeActionCustomId({ actionId: "incident.resolve", value: "INC-7", confirm: false });
    expect(id).toBe("a:incident.resolve:INC-7");
    expect(decodeCustomId(id)).toEqual({
      kind: "action",
      actionId: "incident.resolve",
      value: "INC-7",
      confirm: false,
    });
  });

  it("THEN an action that needs confirmation is marked with c:", () => {
    const id = encodeActionCustomId({ actionId: "incident.declare_major", value: "INC-7", confirm: true });
    expect(id).toBe("c:incident.declare_major:INC-7");
    expect(decodeCustomId(id)).toMatchObject({ kind: "action", confirm: true, value: "INC-7" });
  });
});

describe("GIVEN a ref at the length limit", () => {
  const actionId = "incident.resolve";
  const room = 100 - "a:incident.resolve:".length;

  it("THEN a custom_id of exactly 100 characters is written and read back", () => {
    const ref = `INC-${"9".repeat(room - 4)}`;
    const id = encodeActionCustomId({ actionId, value: ref, confirm: false });
    expect(id).toHaveLength(100);
    expect(decodeCustomId(id)).toMatchObject({ value: ref });
  });

  it("THEN one character more fails loudly with a typed error", () => {
    const ref = `INC-${"9".repeat(room - 3)}`;
    expect(() => encodeActionCustomId({ actionId, value: ref, confirm: false })).toThrow(
      CustomIdTooLongError,
    );
  });

  it("THEN a form whose hidden values would not fit fails loudly too", () => {
    const tooLong = { ref: "INC-7", note: "x".repeat(90) };
    expect(() => encodeFormCustomId("incident.resolve", tooLong)).toThrow(
      expect.objectContaining({ code: "custom_id_too_long", limit: 100 }),
    );
  });
});

describe("GIVEN a form's hidden values", () => {
  it("THEN the usual ref is written bare", () => {
    expect(encodeFormCustomId("incident.resolve", { ref: "INC-7" })).toBe("f:incident.resolve:INC-7");
    expect(encodeFormCustomId("incident.new", {})).toBe("f:incident.new");
  });

  it("THEN other keys and awkward characters round-trip", () => {
    const hidden = { ref: "INC-7", channel: "a:b=c%d", empty: "" };
    const id = encodeFormCustomId("incident.note", hidden);
    expect(decodeCustomId(id)).toEqual({ kind: "form", formId: "incident.note", hidden });
  });

  it("THEN any values that fit round-trip", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.string({ maxLength: 12 }), { maxKeys: 3 }),
        (hidden) => {
          const id = encodeFormCustomId("incident.hold", hidden);
          expect(decodeCustomId(id)).toEqual({ kind: "form", formId: "incident.hold", hidden });
        },
      ),
    );
  });
});

describe("GIVEN custom_ids OpsDesk did not write", () => {
  it("THEN they decode to undefined so listeners can ignore them", () => {
    for (const foreign of [
      "",
      "x",
      "poll:123",
      "a:incident.ack",
      "a:incident.ack:INC-7:extra",
      "a:x:%E0%A4%A",
    ]) {
      expect(decodeCustomId(foreign)).toBeUndefined();
    }
  });
});
