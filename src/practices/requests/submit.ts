import type { CatalogItem } from "../../config/request-settings.js";
import { NotFoundError } from "../../kernel/errors.js";
import type { Actor, Platform } from "../../kernel/people/actor.js";
import type { Form } from "../../kernel/views/form.js";
import { formFieldCapacity } from "../../kernel/views/form-capacity.js";
import { privateNotice, type Reply } from "../../kernel/views/reply.js";
import { assertMayRequest, findItem } from "./catalog.js";
import type { RequestContext } from "./context.js";
import { createRequest } from "./create-request.js";
import { checkValues, problemsText, type RawValues, resolvePeople } from "./field-values.js";
import type { RequestSnapshot } from "./model.js";
import { requestButton } from "./views/actions.js";
import { formPages, itemForm } from "./views/forms.js";
import { requestStatusLabels } from "./views/labels.js";

/** The first form of an item, sized to what the platform's forms hold. */
export async function openItemForm(
  ctx: RequestContext,
  actor: Actor,
  platform: Platform,
  itemId: string,
): Promise<Form> {
  const item = findItem(ctx.config.requests, itemId);
  await assertMayRequest(ctx.db, actor, item);
  const pages = formPages(item, formFieldCapacity[platform]);
  const first = pages[0];
  if (!first) throw new Error(`${item.id} has no form`);
  return itemForm(item, { page: 1, pages: pages.length, form: first });
}

/** The next form of the person's latest unfinished request (`/request continue`, the Next button). */
export async function openNextForm(
  ctx: RequestContext,
  actor: Actor,
  platform: Platform,
  draftId?: number,
): Promise<Form> {
  const draft = await ctx.db.requestDraft.findFirst({
    where: { personId: actor.person.id, ...(draftId !== undefined ? { id: draftId } : {}) },
    orderBy: { id: "desc" },
  });
  if (!draft) throw new NotFoundError("You have no request in progress. Type /request to start one.");
  const item = findItem(ctx.config.requests, draft.itemId);
  const pages = formPages(item, formFieldCapacity[platform]);
  const page = Math.min(draft.page, pages.length);
  const form = pages[page - 1];
  if (!form) throw new Error(`${item.id} has no form ${page}`);
  return itemForm(item, { page, pages: pages.length, form, draft: draft.id });
}

/**
 * A request for an item, typed in one line or submitted form by form. A form's values are checked for its
 * own fields (problems shown next to them); earlier forms' values wait in a draft until the last form, so
 * what was typed is kept. A typed line is checked whole and refused with every problem named.
 */
export async function submitRequest(
  ctx: RequestContext,
  actor: Actor,
  platform: Platform,
  input: { itemId: string; raw: RawValues; fromForm: boolean; draftId?: number },
): Promise<Reply> {
  const item = findItem(ctx.config.requests, input.itemId);
  await assertMayRequest(ctx.db, actor, item);
  if (!input.fromForm) {
    const { values, problems } = checkValues(item, item.fields, input.raw, { refuseUnknown: true });
    Object.assign(problems, await resolvePeople(ctx.db, platform, item, values));
    if (Object.keys(problems).length > 0) return privateNotice("error", problemsText(item, problems));
    return created(await createRequest(ctx, actor, item, values));
  }
  const pages = formPages(item, formFieldCapacity[platform]);
  const draft =
    input.draftId === undefined
      ? undefined
      : await ctx.db.requestDraft.findFirst({
          where: { id: input.draftId, personId: actor.person.id, itemId: item.id },
        });
  if (input.draftId !== undefined && !draft)
    throw new NotFoundError("That form was already submitted or has expired. Type /request to start again.");
  const page = draft?.page ?? 1;
  const fields = pages[page - 1]?.fields ?? [];
  const { values, problems } = checkValues(item, fields, input.raw, { refuseUnknown: false });
  Object.assign(problems, await resolvePeople(ctx.db, platform, item, values));
  if (Object.keys(problems).length > 0) return { kind: "field_errors", errors: problems };
  const typed = { ...(draft ? (JSON.parse(draft.values) as Record<string, string>) : {}), ...values };
  if (page < pages.length) return savedForNext(ctx, actor, item, typed, page, pages.length, draft?.id);
  const request = await createRequest(ctx, actor, item, typed);
  if (draft) await ctx.db.requestDraft.deleteMany({ where: { id: draft.id } });
  return created(request);
}

async function savedForNext(
  ctx: RequestContext,
  actor: Actor,
  item: CatalogItem,
  typed: Record<string, string>,
  page: number,
  pages: number,
  draftId: number | undefined,
): Promise<Reply> {
  const data = { values: JSON.stringify(typed), page: page + 1 };
  const draft =
    draftId === undefined
      ? await ctx.db.requestDraft.create({
          data: { ...data, personId: actor.person.id, itemId: item.id, createdAt: ctx.clock.now() },
        })
      : await ctx.db.requestDraft.update({ where: { id: draftId }, data });
  // A submitted form cannot open another form at once on Discord: the Next button (or /request continue) does.
  return {
    kind: "view",
    view: {
      type: "card",
      title: `${item.name}: form ${page} of ${pages} saved`,
      body: `Press Next for form ${page + 1} of ${pages}, or type /request continue. Nothing is requested until the last form.`,
      fields: [],
      actions: [requestButton("next", String(draft.id))],
      links: [],
    },
  };
}

function created(request: RequestSnapshot): Reply {
  const next =
    request.status === "awaiting_approval"
      ? `It waits for approval from ${request.approvers.map((a) => a.person.displayName).join(", ")}.`
      : request.status === "fulfilled"
        ? "It is fulfilled."
        : "It goes straight to fulfilment.";
  return privateNotice(
    "success",
    `${request.ref} (${request.itemName}) is requested: ${requestStatusLabels[request.status].toLowerCase()}. ${next} Follow it with /request show ${request.ref}.`,
  );
}
