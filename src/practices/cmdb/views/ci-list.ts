import type { List } from "../../../kernel/views/list.js";
import { type CiSnapshot, ciStatusLabels, typeLabel } from "../model.js";

export function ciList(title: string, cis: readonly CiSnapshot[]): List {
  return {
    type: "list",
    title,
    items: cis.map((ci) => ({
      ref: ci.key,
      title: ci.name,
      fields: [
        { label: "Type", value: typeLabel(ci.type), inline: true },
        { label: "Status", value: ciStatusLabels[ci.status], inline: true },
        { label: "Owner", value: ci.ownerGroupId ?? "—", inline: true },
      ],
    })),
    emptyText: "No configuration items yet. Add one with /cmdb add, or import a Backstage catalog.",
  };
}
