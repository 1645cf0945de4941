import type { IncomingMessage, ServerResponse } from "node:http";
import type { Suggestion } from "../../../desk/desk.js";
import { sendJson } from "../../../http/server.js";
import type { AnyArgSpec } from "../../../kernel/commands/argument.js";
import { type CompletionValue, completeCommandLine } from "../../../kernel/commands/complete-line.js";
import { graphemePrefix } from "../../../kernel/text/clip.js";
import type { ConsoleDeps } from "../deps.js";
import { queryOf } from "../http/respond.js";
import { consolePeople } from "../workspace.js";

/**
 * `GET /console/api/complete?text=/incident%20ack%20`: ways to continue the line, from the registry, with
 * open tickets and services (from the desk) and the console's people where an argument names one.
 */
export async function handleComplete(deps: ConsoleDeps, req: IncomingMessage, res: ServerResponse) {
  const text = graphemePrefix(queryOf(req).get("text") ?? "", 500);
  const { registry } = deps.desk;
  // The grammar says which argument is being typed; ask the desk for exactly that one, then complete.
  const asked: { arg: AnyArgSpec; typed: string }[] = [];
  completeCommandLine(registry, text, (arg, typed) => {
    asked.push({ arg, typed });
    return [];
  });
  const found = new Map<AnyArgSpec, Suggestion[]>();
  for (const { arg, typed } of asked) {
    if (arg.kind === "service" || arg.kind === "ticket") found.set(arg, await deps.desk.suggest(arg, typed));
  }
  const people = consolePeople(deps.config).map((p) => ({ value: p.id, label: p.name }));
  const suggestions = completeCommandLine(registry, text, (arg, typed): CompletionValue[] => {
    if (arg.kind === "person") return matching(people, typed);
    return found.get(arg) ?? [];
  });
  sendJson(res, 200, { suggestions });
}

function matching(values: readonly CompletionValue[], typed: string): CompletionValue[] {
  const lower = typed.toLowerCase();
  return values.filter(
    (v) => v.value.toLowerCase().startsWith(lower) || v.label.toLowerCase().includes(lower),
  );
}
