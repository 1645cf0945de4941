import type { Db, Tx } from "../../db/client.js";
import type { DatabaseEngine } from "../../db/engine.js";

/**
 * Known-error search with the database's own full-text search: FTS5 (porter stemming) on SQLite, `english`
 * text search over a GIN index on PostgreSQL (both made by the problems migration).
 *
 * How it ranks, identically on both engines: the searched text is cut into its significant words (stop words
 * of the Snowball English list, which PostgreSQL's `english` configuration also drops, are left out; at most
 * eight words). The database finds the known errors that contain ANY of them, keeps its 50 best by its own
 * relevance (bm25 on SQLite weighting title 10, symptom 5, cause and workaround 1; ts_rank on PostgreSQL with
 * title A, symptom B, cause and workaround C), and counts for each how many of the words it contains. Results
 * are ordered by that count, then by the engine's relevance.
 *
 * The threshold: a known error matches when it contains at least half of the words (rounded up). Advice given
 * unasked when an incident is raised is stricter: at least two words as well, so a one-word overlap
 * ("timeouts") never suggests anything.
 */
export interface KnownErrorHit {
  readonly id: number;
  readonly number: number;
  readonly title: string;
  readonly workaround: string;
  /** How many of the searched words it contains, and of how many. */
  readonly matched: number;
  readonly of: number;
}

export type SearchStrictness = "search" | "advice";

const maxWords = 8;
const candidates = 50;

// The Snowball English stop words (PostgreSQL's `english` dictionary drops these too), so the word count
// that sets the threshold is the same on both engines.
const stopWords = new Set(
  (
    "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers " +
    "herself it its itself they them their theirs themselves what which who whom this that these those am is " +
    "are was were be been being have has had having do does did doing a an the and but if or because as until " +
    "while of at by for with about against between into through during before after above below to from up " +
    "down in out on off over under again further then once here there when where why how all any both each " +
    "few more most other some such no nor not only own same so than too very s t can will just don should now"
  ).split(" "),
);

/** The significant words of a text, lowercase, in order, without repeats. */
export function searchWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const kept = words.filter((word) => (word.length >= 3 || /^\d+$/.test(word)) && !stopWords.has(word));
  return [...new Set(kept)].slice(0, maxWords);
}

export function threshold(words: number, strictness: SearchStrictness): number {
  const half = Math.ceil(words / 2);
  return strictness === "advice" ? Math.max(2, half) : Math.max(1, half);
}

export async function searchKnownErrors(
  db: Db | Tx,
  engine: DatabaseEngine,
  text: string,
  options: { strictness: SearchStrictness; limit: number },
): Promise<KnownErrorHit[]> {
  const words = searchWords(text);
  if (words.length === 0) return [];
  const needed = threshold(words.length, options.strictness);
  if (needed > words.length) return [];
  const rows = engine === "sqlite" ? await sqliteSearch(db, words) : await postgresSearch(db, words);
  return rows
    .map((row) => ({ ...row, matched: Number(row.matched), of: words.length }))
    .filter((row) => row.matched >= needed)
    .slice(0, options.limit);
}

interface Row {
  id: number;
  number: number;
  title: string;
  workaround: string;
  matched: number | bigint;
}

/** Words are letters and digits only, so quoting them makes each an FTS5 string (never query syntax). */
const ftsString = (word: string) => `"${word}"`;

function sqliteSearch(db: Db | Tx, words: string[]): Promise<Row[]> {
  const perWord = words
    .map(() => `(c.id IN (SELECT rowid FROM "KnownErrorSearch" WHERE "KnownErrorSearch" MATCH ?))`)
    .join(" + ");
  const sql = `
    WITH c AS (
      SELECT rowid AS id, bm25("KnownErrorSearch", 10.0, 5.0, 1.0, 1.0) AS relevance
        FROM "KnownErrorSearch" WHERE "KnownErrorSearch" MATCH ?
       ORDER BY relevance LIMIT ${candidates}
    )
    SELECT k."id" AS id, k."number" AS number, k."title" AS title, k."workaround" AS workaround,
           (${perWord}) AS matched
      FROM c JOIN "KnownError" k ON k."id" = c.id
     WHERE k."status" = 'published'
     ORDER BY matched DESC, c.relevance ASC, k."number" DESC`;
  return db.$queryRawUnsafe<Row[]>(sql, words.map(ftsString).join(" OR "), ...words.map(ftsString));
}

/** The indexed expression of the migration, written once so the query and the index cannot drift apart. */
const document = `(setweight(to_tsvector('english'::regconfig, k."title"), 'A') ||
    setweight(to_tsvector('english'::regconfig, k."symptom"), 'B') ||
    setweight(to_tsvector('english'::regconfig, k."cause" || ' ' || k."workaround"), 'C'))`;

function postgresSearch(db: Db | Tx, words: string[]): Promise<Row[]> {
  const perWord = words
    .map((_, i) => `(${document} @@ plainto_tsquery('english', $${i + 2}))::int`)
    .join(" + ");
  const sql = `
    WITH c AS (
      SELECT k."id", ts_rank(${document}, to_tsquery('english', $1)) AS relevance
        FROM "KnownError" k WHERE ${document} @@ to_tsquery('english', $1)
       ORDER BY relevance DESC LIMIT ${candidates}
    )
    SELECT k."id" AS id, k."number" AS number, k."title" AS title, k."workaround" AS workaround,
           (${perWord}) AS matched
      FROM c JOIN "KnownError" k ON k."id" = c."id"
     WHERE k."status" = 'published'
     ORDER BY matched DESC, c.relevance DESC, k."number" DESC`;
  return db.$queryRawUnsafe<Row[]>(sql, words.join(" | "), ...words);
}
