import type { Tx } from "../../db/client.js";
import { ValidationError } from "../../kernel/errors.js";
import { clipText } from "../../kernel/text/clip.js";
import type { TicketDirectory } from "../../kernel/tickets/directory.js";
import type { ItemRef, ItemSummary } from "../../kernel/tickets/item-ref.js";
import { activeReleaseOf } from "./included.js";
import type { ReleaseStatus } from "./model.js";
import { CHANGE_KIND, releaseRef } from "./model.js";
import { releaseStatusLabels } from "./views/labels.js";

/** `CHG-12` as typed, read through the directory; anything that is not a change is refused by name. */
export function changeRefOf(tickets: TicketDirectory, typed: string): ItemRef {
  const ref = tickets.parse(typed);
  if (!ref || ref.kind !== CHANGE_KIND) {
    throw new ValidationError(
      `"${clipText(typed.trim(), 40)}" is not a change. Name included changes by number, like CHG-12.`,
    );
  }
  return ref;
}

/**
 * A change may go into a release when it exists and no other active release includes it: a change ships
 * once, so two releases deploying it would each claim its implementation.
 */
export async function assertIncludable(
  tx: Tx,
  tickets: TicketDirectory,
  ref: ItemRef,
  releaseNumber: number | undefined,
): Promise<ItemSummary> {
  const change = await tickets.require(tx, ref);
  if (!change.open) {
    throw new ValidationError(
      `${change.label} is ${change.status.toLowerCase()}; only a change still in play can be released.`,
    );
  }
  const other = await activeReleaseOf(tx, ref.key, releaseNumber);
  if (other) {
    throw new ValidationError(
      `${change.label} is already in ${releaseRef(other.number)} (${releaseStatusLabels[other.status as ReleaseStatus]}); ` +
        `a change ships in one release at a time. Take it out of ${releaseRef(other.number)} or cancel that release first.`,
    );
  }
  return change;
}
