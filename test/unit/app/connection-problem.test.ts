import { describe, expect, it } from "vitest";
import { connectionProblem } from "../../../src/db/connection-problem.js";
import { locateDatabase } from "../../../src/db/location.js";

// What node-postgres raises carries the server's SQLSTATE as `code`; a wrong password cannot be provoked on
// the test server (it trusts local connections), so the classification is checked on the error's shape.
const pgError = (code: string) => Object.assign(new Error("server said no"), { code });
const postgres = locateDatabase("postgresql://opsdesk:s3cret@db.example.com:6543/desk");

describe("GIVEN the first connection to PostgreSQL fails", () => {
  it("THEN a refused password, role or database stops at once with what to fix, never the password", () => {
    for (const [code, words] of [
      [
        "28P01",
        'PostgreSQL at db.example.com:6543 refused the password of role "opsdesk": fix the password in DATABASE_URL.',
      ],
      ["28000", 'PostgreSQL at db.example.com:6543 refused role "opsdesk"'],
      ["3D000", 'PostgreSQL at db.example.com:6543 has no database "desk": create it'],
      ["42501", 'Role "opsdesk" may not create tables in database "desk"'],
    ] as const) {
      const problem = connectionProblem(pgError(code), postgres);
      expect(problem?.retry).toBe(false);
      expect(problem?.message).toContain(words);
      expect(problem?.message).not.toContain("s3cret");
    }
  });

  it("THEN a server that cannot be reached yet is worth waiting for", () => {
    for (const code of ["ECONNREFUSED", "ETIMEDOUT", "57P03", "ENOTFOUND"])
      expect(connectionProblem(pgError(code), postgres)?.retry).toBe(true);
    const both = new AggregateError([pgError("ECONNREFUSED"), pgError("ECONNREFUSED")], "");
    expect(connectionProblem(both, postgres)?.message).toBe(
      "Cannot reach PostgreSQL at db.example.com:6543 (ECONNREFUSED): check that it is running and that DATABASE_URL names the right host and port.",
    );
    expect(connectionProblem(new Error("Connection terminated unexpectedly"), postgres)?.retry).toBe(true);
  });

  it("THEN anything else is not dressed up as a connection problem", () => {
    expect(connectionProblem(new TypeError("x is undefined"), postgres)).toBeUndefined();
  });
});
