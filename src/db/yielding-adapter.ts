import { setImmediate as nextTurn } from "node:timers/promises";
import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlQueryable,
  Transaction,
} from "@prisma/driver-adapter-utils";

/**
 * Wraps a driver adapter whose driver is synchronous (better-sqlite3) so that every statement and every
 * transaction start first gives the event loop a turn.
 *
 * Why: better-sqlite3 answers inside the calling tick, so Prisma's promise chain for a whole incident (a
 * dozen statements across several transactions) runs as one long run of microtasks. Meanwhile no socket is
 * read: a Slack or Discord request that arrives then waits for all of that work before it can even be
 * acknowledged. Yielding before each statement lets the HTTP server read and acknowledge new requests
 * between statements, so acknowledgements no longer queue behind other requests' database work. The cost is
 * one `setImmediate` hop per statement (microseconds).
 */
export function yieldingAdapterFactory(inner: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => yieldingAdapter(await inner.connect()),
  };
}

/** The statement methods both the adapter and its transactions have, each yielding first. */
function yieldingStatements(inner: SqlQueryable): Pick<SqlQueryable, "queryRaw" | "executeRaw"> {
  return {
    queryRaw: async (query: SqlQuery) => {
      await nextTurn();
      return inner.queryRaw(query);
    },
    executeRaw: async (query: SqlQuery) => {
      await nextTurn();
      return inner.executeRaw(query);
    },
  };
}

function yieldingAdapter(inner: SqlDriverAdapter): SqlDriverAdapter {
  const adapter: SqlDriverAdapter = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    ...yieldingStatements(inner),
    executeScript: (script: string) => inner.executeScript(script),
    startTransaction: async (isolationLevel) => {
      await nextTurn();
      return yieldingTransaction(await inner.startTransaction(isolationLevel));
    },
    dispose: () => inner.dispose(),
  };
  if (inner.getConnectionInfo) adapter.getConnectionInfo = inner.getConnectionInfo.bind(inner);
  return adapter;
}

function yieldingTransaction(inner: Transaction): Transaction {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    options: inner.options,
    ...yieldingStatements(inner),
    commit: () => inner.commit(),
    rollback: () => inner.rollback(),
  };
}
