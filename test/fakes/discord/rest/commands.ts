import { invalidFormBody, notFound, unknownWebhook } from "../http/errors.js";
import type { RouteContext, Router } from "../http/router.js";
import { asRecord, type JsonRecord } from "../json.js";
import { commandsFormErrors } from "../limits/command-limits.js";
import type { FakeState, StoredCommand } from "../state.js";

function checkApplication(context: RouteContext): void {
  if (context.param("applicationId") !== context.state.config.applicationId) throw unknownWebhook();
}

/**
 * Bulk overwrite keeps the id of a command whose (type, name) already existed, as Discord does, so
 * re-registering on every boot does not churn ids.
 */
function overwrite(
  state: FakeState,
  existing: StoredCommand[],
  body: unknown[],
  guildId?: string,
): StoredCommand[] {
  const next = body.map((raw) => {
    const input = asRecord(raw);
    const type = typeof input.type === "number" ? input.type : 1;
    const name = String(input.name);
    const previous = existing.find((command) => command.name === name && command.type === type);
    const stored: StoredCommand = {
      default_member_permissions: null,
      dm_permission: true,
      nsfw: false,
      contexts: null,
      integration_types: [0],
      ...input,
      id: previous?.id ?? state.ids.next(),
      application_id: state.config.applicationId,
      version: state.ids.next(),
      type,
      name,
      description: typeof input.description === "string" ? input.description : "",
      ...(guildId ? { guild_id: guildId } : {}),
    };
    return stored;
  });
  existing.splice(0, existing.length, ...next);
  return next;
}

function guildCommands(context: RouteContext): StoredCommand[] {
  const guildId = context.param("guildId");
  if (guildId !== context.state.config.guildId) throw notFound();
  let list = context.state.guildCommands.get(guildId);
  if (!list) {
    list = [];
    context.state.guildCommands.set(guildId, list);
  }
  return list;
}

function validated(body: unknown): unknown[] {
  const errors = commandsFormErrors(body);
  if (!errors.empty || !Array.isArray(body)) throw invalidFormBody(errors.toJSON());
  return body;
}

export function registerCommandRoutes(router: Router): void {
  router.add("GET", "/applications/:applicationId/commands", (context) => {
    checkApplication(context);
    return { status: 200, body: context.state.globalCommands };
  });
  router.add("PUT", "/applications/:applicationId/commands", (context) => {
    checkApplication(context);
    const body = validated(context.body);
    return { status: 200, body: overwrite(context.state, context.state.globalCommands, body) };
  });
  router.add("GET", "/applications/:applicationId/guilds/:guildId/commands", (context) => {
    checkApplication(context);
    return { status: 200, body: guildCommands(context) };
  });
  router.add("PUT", "/applications/:applicationId/guilds/:guildId/commands", (context) => {
    checkApplication(context);
    const list = guildCommands(context);
    const body = validated(context.body);
    return { status: 200, body: overwrite(context.state, list, body, context.param("guildId")) };
  });
}

export function findCommandByName(state: FakeState, name: string, type: number): JsonRecord | undefined {
  const guild = state.guildCommands.get(state.config.guildId) ?? [];
  return [...guild, ...state.globalCommands].find(
    (command) => command.name === name && command.type === type,
  );
}
