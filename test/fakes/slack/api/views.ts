import { LIMITS, validateView } from "../block-kit-limits.js";
import { hex, slackId } from "../ids.js";
import { type SlackState, TRIGGER_TTL_MS } from "../state.js";
import type { Args, FakeView } from "../types.js";
import {
  fail,
  failWithViolations,
  type MethodContext,
  type MethodHandler,
  type MethodResult,
  str,
} from "./method.js";

/** views.push: "Currently the limit is 3" views in a modal's stack (push_limit_reached). */
const MAX_STACK = 3;

type Exchange = { userId: string } | { error: MethodResult };

/**
 * trigger_id rules (views.open error list): unknown or malformed → invalid_trigger_id, used before →
 * exchanged_trigger_id, older than 3 s → expired_trigger_id. Slack consumes a trigger even when the call
 * then fails on the view, so it is marked used before the view is checked.
 */
function exchangeTrigger(ctx: MethodContext): Exchange {
  const id = str(ctx.args, "trigger_id") ?? str(ctx.args, "interactivity_pointer");
  if (!id) return { error: fail("invalid_arguments") };
  const trigger = ctx.state.triggers.get(id);
  if (!trigger) return { error: fail("invalid_trigger_id") };
  if (trigger.used) return { error: fail("exchanged_trigger_id") };
  if (ctx.state.now() - trigger.issuedAt > TRIGGER_TTL_MS) return { error: fail("expired_trigger_id") };
  trigger.used = true;
  return { userId: trigger.userId };
}

type ViewInput = { view: Args } | { error: MethodResult };

function readView(ctx: MethodContext): ViewInput {
  const { view } = ctx.args;
  if (typeof view !== "object" || view === null || Array.isArray(view)) {
    return {
      error: fail("invalid_arguments", {
        response_metadata: { messages: ["[ERROR] missing required field: view"] },
      }),
    };
  }
  if (Buffer.byteLength(JSON.stringify(view)) > LIMITS.viewBytes) return { error: fail("view_too_large") };
  const violations = validateView(view);
  if (violations.length > 0) return { error: failWithViolations("invalid_arguments", violations) };
  return { view: { ...view } };
}

function externalIdTaken(state: SlackState, externalId: string, except?: string): boolean {
  if (externalId === "") return false;
  return [...state.views.values()].some((v) => !v.closed && v.external_id === externalId && v.id !== except);
}

function buildView(
  state: SlackState,
  view: Args,
  userId: string,
  previous: FakeView | null,
  id = slackId("V"),
): FakeView {
  return {
    id,
    team_id: state.teamId,
    type: typeof view.type === "string" ? view.type : "modal",
    user: userId,
    title: view.title,
    submit: view.submit ?? null,
    close: view.close ?? null,
    blocks: Array.isArray(view.blocks) ? view.blocks : [],
    private_metadata: typeof view.private_metadata === "string" ? view.private_metadata : "",
    callback_id: typeof view.callback_id === "string" ? view.callback_id : "",
    external_id: typeof view.external_id === "string" ? view.external_id : "",
    state: { values: {} },
    hash: `${Math.floor(state.now() / 1000)}.${hex(4)}`,
    clear_on_close: view.clear_on_close === true,
    notify_on_close: view.notify_on_close === true,
    root_view_id: previous?.root_view_id ?? id,
    previous_view_id: previous?.id ?? null,
    app_id: state.appId,
    bot_id: state.botId,
    closed: false,
  };
}

export function wireView(view: FakeView): Args {
  const { user: _user, closed: _closed, ...rest } = view;
  return { ...rest, app_installed_team_id: view.team_id };
}

export const open: MethodHandler = (ctx) => {
  const exchange = exchangeTrigger(ctx);
  if ("error" in exchange) return exchange.error;
  const input = readView(ctx);
  if ("error" in input) return input.error;
  const externalId = typeof input.view.external_id === "string" ? input.view.external_id : "";
  if (externalIdTaken(ctx.state, externalId)) return fail("duplicate_external_id");
  const view = buildView(ctx.state, input.view, exchange.userId, null);
  ctx.state.views.set(view.id, view);
  return { ok: true, view: wireView(view) };
};

export const push: MethodHandler = (ctx) => {
  const exchange = exchangeTrigger(ctx);
  if ("error" in exchange) return exchange.error;
  const input = readView(ctx);
  if ("error" in input) return input.error;
  const open = ctx.state.viewsOf(exchange.userId).filter((v) => v.type === "modal");
  const top = open.at(-1);
  if (!top) return fail("not_found");
  const stack = open.filter((v) => v.root_view_id === top.root_view_id);
  if (stack.length >= MAX_STACK) return fail("push_limit_reached");
  const view = buildView(ctx.state, input.view, exchange.userId, top);
  ctx.state.views.set(view.id, view);
  return { ok: true, view: wireView(view) };
};

export const update: MethodHandler = (ctx) => {
  const viewId = str(ctx.args, "view_id");
  const externalId = str(ctx.args, "external_id");
  if (!viewId && !externalId) return fail("invalid_arguments");
  const existing = [...ctx.state.views.values()].find(
    (v) => !v.closed && (viewId ? v.id === viewId : v.external_id === externalId),
  );
  if (!existing) return fail("not_found");
  const hash = str(ctx.args, "hash");
  // `hash` guards against racing updates: a stale hash is refused (views.update, hash_conflict).
  if (hash !== undefined && hash !== existing.hash) return fail("hash_conflict");
  const input = readView(ctx);
  if ("error" in input) return input.error;
  const newExternal = typeof input.view.external_id === "string" ? input.view.external_id : "";
  if (externalIdTaken(ctx.state, newExternal, existing.id)) return fail("duplicate_external_id");
  const previous = existing.previous_view_id
    ? (ctx.state.views.get(existing.previous_view_id) ?? null)
    : null;
  const replaced = buildView(ctx.state, input.view, existing.user, previous, existing.id);
  replaced.root_view_id = existing.root_view_id;
  ctx.state.views.set(existing.id, replaced);
  return { ok: true, view: wireView(replaced) };
};
