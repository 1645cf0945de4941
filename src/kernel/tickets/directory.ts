import type { Db, Tx } from "../../db/client.js";
import type { CompletionValue } from "../commands/complete-line.js";
import { NotFoundError } from "../errors.js";
import type { Actor } from "../people/actor.js";
import type { SlaClockFigures } from "../sla/clock/figures.js";
import type { SlaClockKind } from "../sla/policy.js";
import type { CardAction } from "../views/card.js";
import type { ItemDependencies } from "./dependencies.js";
import type { ItemRef, ItemSummary, RecentItem } from "./item-ref.js";
import type { LinkRelation, LinkView } from "./links.js";
import { parseTicketNumber } from "./reference.js";

/**
 * What the practice that owns a kind of item (its prefix: `INC`, `CHG`, `PRB`, `CI`) offers every other
 * practice. Practices never import each other (src/practices/index.ts); they reach each other's items only
 * through these owners, collected in the directory.
 */
export interface TicketOwner {
  /** `INC`, `CHG`: references read `INC-7`. */
  readonly prefix: string;
  /** Open items of this kind whose number or title matches what was typed, newest first. */
  suggest(typed: string): Promise<CompletionValue[]>;
  /** The item behind a key, or undefined when there is none. Reads through `db` (a transaction or not). */
  find(db: Db | Tx, key: string): Promise<ItemSummary | undefined>;
  /**
   * A reference typed by a person, for kinds not written `PREFIX-n` (a CI's name); numbered kinds are
   * parsed by the directory itself.
   */
  parse?(text: string): ItemRef | undefined;
  /**
   * A link to or from one of this owner's items was added or removed, inside that transaction: record it
   * on the item's timeline and queue its card again so every card shows its links.
   */
  linked?(tx: Tx, key: string, change: LinkChange): Promise<void>;
  /**
   * The relation a link to one of this owner's items gets when the person names none: an incident linked to
   * a problem has it as its `problem`. Unset: `related`.
   */
  readonly linkedAs?: LinkRelation;
  /**
   * Items raised at or after `since`, oldest first: for jobs of other practices that look across them (the
   * recurring-incident job of problem management). Unset: the kind is not listed.
   */
  recent?(db: Db | Tx, since: Date): Promise<RecentItem[]>;
  /** Buttons the card on the OTHER side of a link may show for this owner's item (e.g. "Apply workaround"). */
  linkActions?(link: LinkView, on: ItemRef): readonly CardAction[];
  /**
   * Another practice asks this owner to take one of its own steps on an item, inside that practice's
   * transaction, as `actor` (a release that starts deploying starts its scheduled changes' implementation:
   * step `start`). The owner applies its own rules; a refusal is its typed error and rolls the caller back.
   * Steps an owner does not know are a programming error.
   */
  perform?(tx: Tx, key: string, step: string, actor: Actor): Promise<void>;
  /**
   * For items that stand in a dependency graph (CIs): what the item depends on and what depends on it,
   * within `dependencyHops` (src/kernel/tickets/dependencies.ts), so another practice can tell when two of
   * its tickets touch related items (change conflicts) without knowing the graph.
   */
  dependencies?(db: Db | Tx, key: string): Promise<ItemDependencies>;
  /**
   * This owner's items that point at another practice's item by a field of their own rather than a link
   * (an asset names the CI it runs), so that item's card can list them.
   */
  pointingAt?(db: Db | Tx, ref: ItemRef): Promise<ItemSummary[]>;
  /**
   * Every SLA clock of one of this owner's items as of `now`, past cycles included, for `/sla show`;
   * undefined when there is no such item. Unset: this kind is not measured by an SLA.
   */
  slaClocks?(db: Db | Tx, key: string, now: Date): Promise<TicketSlaClocks | undefined>;
}

/** An item's SLA clocks with what a readout needs to name them. */
export interface TicketSlaClocks {
  /** `REQ-4 · New laptop`. */
  readonly title: string;
  readonly subtitle: string;
  /** What the owner calls each clock (a request's resolution clock is its fulfilment). */
  readonly labels: Readonly<Record<SlaClockKind, string>>;
  readonly clocks: readonly SlaClockFigures[];
  /** Said instead of fields when the item has no clocks. */
  readonly none: string;
}

export interface LinkChange {
  readonly link: LinkView;
  readonly added: boolean;
  readonly actor: Actor;
  readonly at: Date;
  /** The summary of the other side, read once by the caller. */
  readonly other: ItemSummary;
}

export interface TicketDirectory {
  owner(kind: string): TicketOwner | undefined;
  /** `PRB-4`, `prb-4`, `CHG-9`, a CI name: the item's reference, or undefined when no owner reads it. */
  parse(text: string): ItemRef | undefined;
  find(db: Db | Tx, ref: ItemRef): Promise<ItemSummary | undefined>;
  /** As find, but a missing item is a NotFoundError that names it the way it was written. */
  require(db: Db | Tx, ref: ItemRef, written?: string): Promise<ItemSummary>;
  /** Every owner's items that point at `ref` (TicketOwner.pointingAt), in practice order. */
  pointingAt(db: Db | Tx, ref: ItemRef): Promise<ItemSummary[]>;
}

/**
 * The directory over every practice's owners. `owners` is read on every call, so the directory can be
 * handed to practices before all of them exist (each practice is created with it).
 */
export function createTicketDirectory(owners: () => readonly TicketOwner[]): TicketDirectory {
  const owner = (kind: string) => owners().find((o) => o.prefix.toUpperCase() === kind.toUpperCase());
  const find = async (db: Db | Tx, ref: ItemRef) => owner(ref.kind)?.find(db, ref.key);
  return {
    owner,
    parse(text) {
      const typed = text.trim();
      const numbered = /^([A-Za-z]{2,5})-(\d{1,9})$/.exec(typed);
      if (numbered) {
        const found = owner(numbered[1] as string);
        const number = found && parseTicketNumber(found.prefix, typed);
        if (found && number !== undefined) return { kind: found.prefix, key: String(number) };
      }
      for (const candidate of owners()) {
        const ref = candidate.parse?.(typed);
        if (ref) return ref;
      }
      return undefined;
    },
    find,
    async require(db, ref, written) {
      const summary = await find(db, ref);
      if (!summary) throw new NotFoundError(`There is no ${written ?? `${ref.kind}-${ref.key}`}.`);
      return summary;
    },
    async pointingAt(db, ref) {
      const found: ItemSummary[] = [];
      for (const candidate of owners()) found.push(...((await candidate.pointingAt?.(db, ref)) ?? []));
      return found;
    },
  };
}
