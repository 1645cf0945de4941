import type { CardField, Intent } from "./card.js";

export interface ListItem {
  readonly ref: string;
  readonly title: string;
  readonly fields: readonly CardField[];
  readonly intent?: Intent;
}

/** Several tickets at once; renderers decide how many fit and say how many were left out. */
export interface List {
  readonly type: "list";
  readonly title: string;
  readonly items: readonly ListItem[];
  readonly emptyText: string;
}
