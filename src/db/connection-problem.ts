import type { DatabaseLocation } from "./location.js";

/** Why OpsDesk could not use its database at start-up, in the operator's words. */
export interface ConnectionProblem {
  /** Worth waiting for: the server is down, restarting or not reachable yet (a container still starting). */
  retry: boolean;
  message: string;
}

// node-postgres passes the server's SQLSTATE (postgresql.org/docs/current/errcodes-appendix.html) and
// Node's socket errors (ECONNREFUSED, …) through as `code`.
const unreachable = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "57P03",
]);

// Creating the file's folder or opening the file: a path through a file, a read-only mount, no rights.
const sqliteCannotOpen = new Set([
  "SQLITE_CANTOPEN",
  "SQLITE_READONLY",
  "SQLITE_PERM",
  "EACCES",
  "EPERM",
  "EROFS",
  "EEXIST",
  "ENOTDIR",
  "ENOENT",
]);

/** Recognises the failures of a first connection; undefined for anything else (a real bug: stack trace). */
export function connectionProblem(error: unknown, location: DatabaseLocation): ConnectionProblem | undefined {
  const code = codeOf(error);
  if (location.provider === "sqlite") {
    if (code !== undefined && sqliteCannotOpen.has(code))
      return {
        retry: false,
        message: `Cannot open the SQLite file ${location.display} (${code}): check that its folder can be created and that OpsDesk may write there, or set DATABASE_URL=file:<another path>.`,
      };
    if (code === "SQLITE_NOTADB")
      return {
        retry: false,
        message: `${location.display} is not a SQLite database: point DATABASE_URL at an OpsDesk database file or a new path.`,
      };
    return undefined;
  }
  const url = new URL(location.url);
  const server = `${url.hostname}:${url.port || "5432"}`;
  const role = decodeURIComponent(url.username) || "(none)";
  const database = decodeURIComponent(url.pathname.slice(1)) || role;
  switch (code) {
    case "28P01":
      return {
        retry: false,
        message: `PostgreSQL at ${server} refused the password of role "${role}": fix the password in DATABASE_URL.`,
      };
    case "28000":
      return {
        retry: false,
        message: `PostgreSQL at ${server} refused role "${role}" (it does not exist or may not connect from here): fix the user in DATABASE_URL, or create the role (CREATE ROLE "${role}" LOGIN PASSWORD '…').`,
      };
    case "3D000":
      return {
        retry: false,
        message: `PostgreSQL at ${server} has no database "${database}": create it (createdb -h ${url.hostname} -U ${role} ${database}) or fix the name in DATABASE_URL.`,
      };
    case "42501":
      return {
        retry: false,
        message: `Role "${role}" may not create tables in database "${database}" at ${server}: grant it (GRANT CREATE ON SCHEMA public TO "${role}") or use the database's owner.`,
      };
    case "ENOTFOUND":
      return {
        retry: true,
        message: `Cannot resolve the PostgreSQL host "${url.hostname}" (ENOTFOUND): check the host in DATABASE_URL.`,
      };
    default:
      if (code !== undefined && unreachable.has(code))
        return {
          retry: true,
          message: `Cannot reach PostgreSQL at ${server} (${code}): check that it is running and that DATABASE_URL names the right host and port.`,
        };
      return undefined;
  }
}

function codeOf(error: unknown): string | undefined {
  // node-postgres' words for a server that closed the connection before answering (one still starting, a
  // proxy in front of one that is not up yet); it sets no code for it.
  if (error instanceof Error && error.message === "Connection terminated unexpectedly") return "ECONNRESET";
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    // An AggregateError (both IPv4 and IPv6 refused) carries the socket errors inside.
    const inner = (current as { errors?: unknown[] }).errors?.[0];
    current = inner ?? current.cause;
  }
  return undefined;
}
