import type { Card } from "../../../kernel/views/card.js";
import { affectedBusinessServices, type ImpactNode, type ImpactTree } from "../impact.js";
import { type RelationshipType, relationshipLabels, typeLabel } from "../model.js";

/** A tree longer than this is cut: a chat message is not the place for ten thousand lines. */
const maxLines = 40;

/**
 * `/cmdb impact`: what depends on the CI, as a tree (each CI under the one it is reached through, nearest
 * first), and which business services are affected.
 */
export function impactCard(tree: ImpactTree): Card {
  const services = affectedBusinessServices(tree);
  const children = new Map<number, ImpactNode[]>();
  for (const node of tree.nodes)
    if (node.parentId !== null) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node]);
  const lines: string[] = [];
  const walk = (node: ImpactNode) => {
    for (const child of children.get(node.id) ?? []) {
      if (lines.length >= maxLines) return;
      const how = relationshipLabels[child.relation as RelationshipType]?.out.toLowerCase() ?? child.relation;
      lines.push(
        `${"   ".repeat(child.depth - 1)}└ ${child.key} · ${child.name} (${typeLabel(child.type)}, ${how} ${tree.byId.get(node.id)?.key ?? ""})`,
      );
      walk(child);
    }
  };
  walk(tree.root);
  const more = tree.nodes.length - lines.length;
  if (more > 0) lines.push(`… and ${more} more`);
  return {
    type: "card",
    title: `Impact of ${tree.root.key} · ${tree.root.name}`,
    fields: [
      {
        label: "Business services affected",
        value: services.length > 0 ? services.map((s) => `${s.name} (${s.key})`).join(", ") : "none",
      },
      {
        label: "Depend on it",
        value: `${tree.nodes.length} CI${tree.nodes.length === 1 ? "" : "s"}`,
        inline: true,
      },
    ],
    body: lines.length > 0 ? lines.join("\n") : `Nothing depends on ${tree.root.key}.`,
    actions: [],
    links: [],
  };
}
