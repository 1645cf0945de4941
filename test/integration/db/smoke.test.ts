import { expect, it } from "vitest";
import { describeEachDatabase } from "../../support/databases.js";

describeEachDatabase("GIVEN a migrated database", (db) => {
  it("THEN a person can be stored and read back", async () => {
    const { handle } = db();
    await handle.db.$transaction((tx) => tx.person.create({ data: { id: "alice", displayName: "Alice" } }));
    const alice = await handle.db.person.findUnique({ where: { id: "alice" } });
    expect(alice?.displayName).toBe("Alice");
    expect(alice?.createdAt).toBeInstanceOf(Date);
  });
});
