/**
 * A reference to anything one practice may point at in another: a ticket (`{ kind: "INC", key: "7" }` is
 * INC-7) or a record with a name of its own (`{ kind: "CI", key: "payments-db" }`). The kind is the owning
 * practice's prefix, so the directory finds the owner without knowing any practice.
 */
export interface ItemRef {
  readonly kind: string;
  readonly key: string;
}

/** What any practice may show about another practice's item: enough for a line on a card. */
export interface ItemSummary {
  readonly ref: ItemRef;
  /** How people write it: `INC-7`, `PRB-4`, `payments-db`. */
  readonly label: string;
  readonly title: string;
  /** The status in people's words: `Root cause analysis`, `In progress`. */
  readonly status: string;
  /** Still being worked on (not resolved, closed, cancelled or retired). */
  readonly open: boolean;
  readonly serviceId?: string | null;
  /** One short line more, e.g. a known error's workaround or the impact path of a CI. */
  readonly detail?: string;
  /**
   * The owner's own status code (`scheduled`, `implement`), stable whatever the wording, for practices that
   * plan around another's items (a release checks its changes are scheduled).
   */
  readonly state?: string;
  /** When the item is planned to happen, for items that have a window (a change). */
  readonly window?: { readonly start: Date; readonly end: Date };
}

/** An item as a job looking across recent items sees it (e.g. incidents that look alike). */
export interface RecentItem extends ItemSummary {
  readonly createdAt: Date;
  readonly category: string | null;
}

export function sameRef(a: ItemRef, b: ItemRef): boolean {
  return a.kind === b.kind && a.key === b.key;
}

/** `INC-7` for numbered tickets; the key alone for named records whose owner says so. */
export function numberedLabel(ref: ItemRef): string {
  return `${ref.kind}-${ref.key}`;
}
