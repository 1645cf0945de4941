// The outbox is platform-neutral: adapters implement its transport port, so it never imports a chat SDK.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../../src/paths.js";

const outboxDir = join(projectRoot(), "src", "outbox");
const platformImport =
  /from\s*["'](@slack\/[^"']*|discord\.js|discord-api-types[^"']*|@discordjs\/[^"']*|\.\.\/adapters\/[^"']*)["']/;

describe("GIVEN the source files under src/outbox", () => {
  const files = readdirSync(outboxDir).filter((name) => name.endsWith(".ts"));

  it("THEN none imports a chat SDK or an adapter", () => {
    expect(files.length).toBeGreaterThan(5);
    const violations = files.filter((name) =>
      platformImport.test(readFileSync(join(outboxDir, name), "utf8")),
    );
    expect(violations).toEqual([]);
  });
});
