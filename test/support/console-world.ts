// OpsDesk started in-process with no chat credentials, so its console is on and its fresh SQLite file is a
// sandbox; plus a client for the console's JSON API (the same calls a contract-suite driver makes).
import type { RunningOpsDesk } from "../../src/app/start.js";
import type { Logger } from "../../src/log.js";
import { startDesk } from "./desk-world.js";

export interface ConsoleReply {
  kind: "notice" | "view" | "form" | "field_errors" | "posted";
  message?: ConsoleMessageJson;
  form?: {
    id: string;
    title: string;
    hidden: Record<string, string>;
    fields: { id: string; type: string; initial?: string | boolean }[];
  };
  html?: string;
  errors?: Record<string, string>;
}

export interface ConsoleMessageJson {
  id: number;
  channel: string;
  threadOf: number | null;
  private: boolean;
  kind: "card" | "list" | "notice" | "text" | "chat" | "alert";
  view?: {
    type: string;
    title?: string;
    text?: string;
    tone?: string;
    badge?: { text: string };
    fields?: { label: string; value: string }[];
    actions?: { id: string; label: string; value: string }[];
  };
  text?: string;
  replies: number;
  html: string;
}

export class ConsoleApi {
  readonly base: string;
  readonly #headers: Record<string, string>;

  constructor(url: string, headers: Record<string, string> = {}) {
    this.base = `${url}/console/api`;
    this.#headers = headers;
  }

  async raw(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.base}${path}`, {
      ...init,
      headers: { ...this.#headers, ...(init.headers as Record<string, string> | undefined) },
    });
  }

  async get<T>(path: string, query: Record<string, string> = {}): Promise<T> {
    const response = await this.raw(`${path}?${new URLSearchParams(query)}`);
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  async post<T>(path: string, body: unknown): Promise<{ status: number; body: T }> {
    const response = await this.raw(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  async command(as: string, text: string, channel = "#incidents", requestId?: string): Promise<ConsoleReply> {
    const { status, body } = await this.post<{ reply: ConsoleReply }>("/command", {
      as,
      channel,
      text,
      ...(requestId ? { requestId } : {}),
    });
    if (status !== 200) throw new Error(`command answered ${status}: ${JSON.stringify(body)}`);
    return body.reply;
  }

  async button(as: string, action: string, value: string, channel = "#incidents"): Promise<ConsoleReply> {
    const { status, body } = await this.post<{ reply: ConsoleReply }>("/button", {
      as,
      channel,
      action,
      value,
    });
    if (status !== 200) throw new Error(`button answered ${status}: ${JSON.stringify(body)}`);
    return body.reply;
  }

  async form(
    as: string,
    formId: string,
    hidden: Record<string, string>,
    values: Record<string, string | boolean | null>,
    channel = "#incidents",
  ): Promise<ConsoleReply> {
    const { status, body } = await this.post<{ reply: ConsoleReply }>("/form", {
      as,
      channel,
      formId,
      hidden,
      values,
    });
    if (status !== 200) throw new Error(`form answered ${status}: ${JSON.stringify(body)}`);
    return body.reply;
  }

  async messages(channel: string, as: string): Promise<ConsoleMessageJson[]> {
    return (await this.get<{ messages: ConsoleMessageJson[] }>("/messages", { channel, as })).messages;
  }

  async thread(id: number, as: string): Promise<{ root: ConsoleMessageJson; replies: ConsoleMessageJson[] }> {
    return this.get("/thread", { id: String(id), as });
  }

  async privateReplies(as: string): Promise<ConsoleMessageJson[]> {
    return (await this.get<{ messages: ConsoleMessageJson[] }>("/private", { as })).messages;
  }
}

export interface ConsoleWorld {
  opsdesk: RunningOpsDesk;
  api: ConsoleApi;
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startConsoleWorld(
  env: Record<string, string> = {},
  options: { dir?: string; log?: Logger } = {},
): Promise<ConsoleWorld> {
  const desk = await startDesk(env, options);
  return {
    opsdesk: desk.opsdesk,
    api: new ConsoleApi(desk.opsdesk.url),
    settle: desk.settle,
    close: desk.close,
  };
}

/** The card of an incident in a channel, as everyone sees it. */
export async function cardIn(api: ConsoleApi, channel: string, ref: string): Promise<ConsoleMessageJson> {
  const messages = await api.messages(channel, "ada");
  const card = messages.find((m) => m.kind === "card" && !m.private && m.view?.title?.startsWith(`${ref} `));
  if (!card) throw new Error(`no card for ${ref} in ${channel}`);
  return card;
}

export function fieldOf(message: ConsoleMessageJson, label: string): string | undefined {
  return message.view?.fields?.find((f) => f.label === label)?.value;
}
