import { AlreadyDoneError, ValidationError } from "../../kernel/errors.js";
import type { Actor } from "../../kernel/people/actor.js";
import { clipText } from "../../kernel/text/clip.js";
import type { CmdbContext } from "./context.js";
import { findCi, toCiSnapshot } from "./find-ci.js";
import { markGraphChanged } from "./graph-version.js";
import { type CiSnapshot, ciKeyPattern, typeLabel } from "./model.js";
import { requireAgent } from "./permissions.js";
import { recordCiChange } from "./timeline.js";

export interface NewCi {
  readonly key: string;
  readonly type: string;
  readonly name?: string | undefined;
  readonly owner?: string | undefined;
  readonly environment?: string | undefined;
  readonly status: "planned" | "operational" | "maintenance";
  readonly description?: string | undefined;
}

/** `/cmdb add`: a CI recorded by an agent in chat, its creation the first entry on its timeline. */
export async function addCi(ctx: CmdbContext, actor: Actor, input: NewCi): Promise<CiSnapshot> {
  requireAgent(actor, "add configuration items");
  const type = input.type
    .trim()
    .toLowerCase()
    .replaceAll(/[\s-]+/g, "_");
  if (!ctx.types.includes(type)) {
    throw new ValidationError(
      `"${clipText(input.type, 40)}" is not a CI type. Use one of: ${ctx.types.map(typeLabel).join(", ")} (more can be added under cmdb.types in opsdesk.yaml).`,
    );
  }
  if (!ciKeyPattern.test(input.key)) {
    throw new ValidationError("A CI key is letters, digits, dots, dashes and underscores, e.g. payments-db.");
  }
  if (input.owner && !(await ctx.db.group.findUnique({ where: { id: input.owner } }))) {
    throw new ValidationError(
      `There is no group "${clipText(input.owner, 64)}". Use a group id from opsdesk.yaml.`,
    );
  }
  const existing = await findCi(ctx.db, input.key);
  if (existing)
    throw new AlreadyDoneError(`${existing.key} is already in the CMDB (${typeLabel(existing.type)}).`);
  const at = ctx.clock.now();
  const data = {
    key: input.key,
    name: input.name?.trim() || input.key,
    type,
    status: input.status,
    environment: input.environment?.trim() || "production",
    ownerGroupId: input.owner ?? null,
    description: input.description ?? "",
  };
  try {
    const row = await ctx.db.$transaction(async (tx) => {
      await markGraphChanged(tx);
      const created = await tx.configItem.create({
        data: { ...data, source: "chat", createdAt: at, updatedAt: at },
      });
      await recordCiChange(tx, {
        ciId: created.id,
        at,
        actorId: actor.person.id,
        kind: "created",
        after: data,
        body: `${typeLabel(type)} "${data.name}"${data.ownerGroupId ? ` owned by ${data.ownerGroupId}` : ""}`,
      });
      return created;
    });
    return toCiSnapshot(row);
  } catch (error) {
    // Two agents adding the same key at once: the second is told, as if it had looked first.
    if ((error as { code?: unknown }).code === "P2002")
      throw new AlreadyDoneError(`${input.key} is already in the CMDB.`);
    throw error;
  }
}
