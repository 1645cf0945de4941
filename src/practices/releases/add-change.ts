import type { Tx } from "../../db/client.js";
import { InvalidTransitionError } from "../../kernel/errors.js";
import type { Actor } from "../../kernel/people/actor.js";
import type { ItemSummary } from "../../kernel/tickets/item-ref.js";
import { linkItems } from "../../kernel/tickets/links.js";
import { writeOnVersion } from "../../kernel/tickets/write-on-version.js";
import type { ReleaseContext } from "./context.js";
import { assertIncludable, changeRefOf } from "./include-change.js";
import { openForChanges, RELEASE_PREFIX } from "./model.js";
import { assertMayWorkRelease } from "./permissions.js";
import { findRelease } from "./snapshot.js";
import { releaseStatusLabels } from "./views/labels.js";

/**
 * `/release add REL-3 CHG-12`: one more change in a release still being put together. The link tells both
 * owners, so both cards update in place (the release's through its `linked` in owner.ts).
 */
export function addChangeToRelease(
  ctx: ReleaseContext,
  actor: Actor,
  number: number,
  typed: string,
): Promise<ItemSummary> {
  const ref = changeRefOf(ctx.tickets, typed);
  return writeOnVersion(ctx, `${RELEASE_PREFIX}-${number}`, async (tx: Tx) => {
    const release = await findRelease(tx, number);
    assertMayWorkRelease(actor, release);
    if (!openForChanges.includes(release.status)) {
      throw new InvalidTransitionError(
        `${release.ref} is ${releaseStatusLabels[release.status].toLowerCase()}; changes can be added while it is a draft or planned.`,
      );
    }
    const change = await assertIncludable(tx, ctx.tickets, ref, number);
    const from = { kind: RELEASE_PREFIX, key: String(number) };
    await linkItems(tx, ctx.tickets, { from, to: ref, relation: "includes", actor, at: ctx.clock.now() });
    return change;
  });
}
