import type { CatalogCategory, CatalogItem, RequestSettings } from "../../../config/request-settings.js";
import type { Card } from "../../../kernel/views/card.js";
import { requestButton } from "./actions.js";

/**
 * The catalog as private cards: categories, then a category's items, each a button. A card holds at most
 * 25 buttons on Discord (5 rows of 5), so beyond that the card lists the ids and says to search by typing.
 */
const maxButtons = 25;

export function catalogCard(settings: RequestSettings): Card {
  const categories = settings.categories.filter((c) => settings.items.some((item) => item.category === c.id));
  const fits = categories.length <= maxButtons;
  return {
    type: "card",
    title: "Service catalog",
    subtitle: "Pick a category, or type /request search <words>",
    fields: categories.map((c) => ({
      label: c.name,
      value: c.description || `${countIn(settings, c)} items`,
    })),
    ...(categories.length === 0
      ? { body: "The catalog is empty: an admin declares items under requests in opsdesk.yaml." }
      : {}),
    actions: fits
      ? categories.map((c, index) => requestButton("category", c.id, { label: c.name, index }))
      : [],
    links: [],
  };
}

function countIn(settings: RequestSettings, category: CatalogCategory): number {
  return settings.items.filter((item) => item.category === category.id).length;
}

export function itemsCard(title: string, items: readonly CatalogItem[], emptyText: string): Card {
  const fits = items.length <= maxButtons;
  return {
    type: "card",
    title,
    subtitle: fits
      ? "Pick an item to open its form, or type /request <item> field:value …"
      : "Type /request search <words> to narrow the list",
    fields: items.map((item) => ({
      label: `${item.name} (${item.id})`,
      value: item.description || item.name,
    })),
    ...(items.length === 0 ? { body: emptyText } : {}),
    actions: fits
      ? items.map((item, index) => requestButton("item", item.id, { label: item.name, index }))
      : [],
    links: [],
  };
}
