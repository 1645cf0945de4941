import type { Db } from "../../db/client.js";
import type { Actor } from "../../kernel/people/actor.js";
import type { List } from "../../kernel/views/list.js";
import type { RequestListScope } from "./command.js";
import { openRequestStatuses, requestRef } from "./model.js";
import { peopleByIds } from "./snapshot.js";
import { requestStatusLabels } from "./views/labels.js";

const titles: Record<RequestListScope, string> = {
  mine: "Your requests",
  open: "Open requests",
  assigned: "Waiting for you",
  all: "All requests",
};

/** `/request list`: the newest 25 in scope; `assigned` is what waits for the person's vote or group. */
export async function listRequests(db: Db, actor: Actor, scope: RequestListScope): Promise<List> {
  const open = { status: { in: [...openRequestStatuses] } };
  let where = {};
  if (scope === "mine") where = { requesterId: actor.person.id };
  if (scope === "open") where = open;
  if (scope === "assigned") {
    const groups = await db.groupMember.findMany({
      where: { personId: actor.person.id },
      select: { groupId: true },
    });
    where = {
      OR: [
        {
          status: { in: ["awaiting_approval", "awaiting_info"] },
          approvers: { some: { personId: actor.person.id, decision: null } },
        },
        {
          status: "in_fulfilment",
          tasks: {
            some: {
              status: { in: ["open", "taken", "blocked"] },
              groupId: { in: groups.map((g) => g.groupId) },
            },
          },
        },
      ],
    };
  }
  const rows = await db.serviceRequest.findMany({ where, orderBy: { number: "desc" }, take: 25 });
  const people = await peopleByIds(
    db,
    rows.map((row) => row.requesterId),
  );
  return {
    type: "list",
    title: titles[scope],
    emptyText:
      scope === "mine" ? "You have no requests. Type /request to browse the catalog." : "No requests.",
    items: rows.map((row) => ({
      ref: requestRef(row.number),
      title: row.itemName,
      fields: [
        {
          label: "Status",
          value: requestStatusLabels[row.status as keyof typeof requestStatusLabels] ?? row.status,
          inline: true,
        },
        {
          label: "Requester",
          value: people.get(row.requesterId)?.displayName ?? row.requesterId,
          inline: true,
        },
      ],
    })),
  };
}
