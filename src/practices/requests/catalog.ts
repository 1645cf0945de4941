import type { CatalogItem, RequestSettings } from "../../config/request-settings.js";
import type { Db } from "../../db/client.js";
import { closestName } from "../../kernel/commands/closest-name.js";
import { ForbiddenError, NotFoundError } from "../../kernel/errors.js";
import type { Actor } from "../../kernel/people/actor.js";

/** The catalog item an id names, or a NotFoundError that suggests the closest one. */
export function findItem(settings: RequestSettings, id: string): CatalogItem {
  const wanted = id.trim().toLowerCase();
  const item = settings.items.find((candidate) => candidate.id === wanted);
  if (item) return item;
  if (settings.items.length === 0)
    throw new NotFoundError(
      "The service catalog is empty: an admin declares items under requests in opsdesk.yaml.",
    );
  const suggestion = closestName(
    wanted,
    settings.items.map((candidate) => candidate.id),
  );
  throw new NotFoundError(
    suggestion === undefined
      ? `There is no catalog item "${id}". Type /request to browse the catalog, or /request search <words>.`
      : `There is no catalog item "${id}". Did you mean ${suggestion}? Type /request to browse the catalog.`,
  );
}

/** Items whose id, name or description contain every typed word. */
export function searchItems(settings: RequestSettings, words: string): CatalogItem[] {
  const terms = words
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term !== "");
  return settings.items.filter((item) => {
    const haystack = `${item.id} ${item.name} ${item.description}`.toLowerCase();
    return terms.every((term) => haystack.includes(term));
  });
}

/** An item limited to some groups may only be requested by their members (ITIL: who is entitled to it). */
export async function assertMayRequest(db: Db, actor: Actor, item: CatalogItem): Promise<void> {
  if (item.requestableBy.length === 0) return;
  const member = await db.groupMember.findFirst({
    where: { personId: actor.person.id, groupId: { in: [...item.requestableBy] } },
    select: { groupId: true },
  });
  if (member) return;
  const groups = await db.group.findMany({
    where: { id: { in: [...item.requestableBy] } },
    select: { id: true, name: true },
  });
  const names = item.requestableBy.map((id) => groups.find((group) => group.id === id)?.name ?? id);
  throw new ForbiddenError(
    `Only members of ${names.join(" or ")} may request ${item.name}. Ask one of them to request it for you.`,
  );
}
