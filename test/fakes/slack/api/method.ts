import { describeViolations, type Violation } from "../block-kit-limits.js";
import type { SlackState } from "../state.js";
import type { Args, FakeChannel } from "../types.js";

export interface MethodContext {
  state: SlackState;
  args: Args;
}

/** Every Web API answer is HTTP 200 with `ok` true or false; only rate limits and outages change the status. */
export type MethodResult = { ok: boolean } & Args;
export type MethodHandler = (ctx: MethodContext) => MethodResult;

export function fail(error: string, extra: Args = {}): MethodResult {
  return { ok: false, error, ...extra };
}

/** Validation failures carry the pointer messages in both `errors` and `response_metadata.messages`. */
export function failWithViolations(error: string, violations: Violation[]): MethodResult {
  const messages = describeViolations(violations);
  return fail(error, {
    errors: messages.map((m) => m.replace(/^\[ERROR\] /, "")),
    response_metadata: { messages },
  });
}

export function str(args: Args, key: string): string | undefined {
  const value = args[key];
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

export function bool(args: Args, key: string): boolean {
  const value = args[key];
  return value === true || value === "true" || value === "1" || value === 1;
}

export function missingArgument(name: string): MethodResult {
  return fail("invalid_arguments", {
    response_metadata: { messages: [`[ERROR] missing required field: ${name}`] },
  });
}

export type ChannelLookup = { channel: FakeChannel } | { error: MethodResult };

/** Private channels the bot is not in look exactly like missing ones (Slack hides their existence). */
export function findChannel(ctx: MethodContext, key = "channel"): ChannelLookup {
  const id = str(ctx.args, key);
  if (!id) return { error: fail("channel_not_found") };
  const channel = ctx.state.resolveChannel(id);
  if (!channel) return { error: fail("channel_not_found") };
  if (channel.is_private && !channel.members.includes(ctx.state.botUserId)) {
    return { error: fail("channel_not_found") };
  }
  return { channel };
}

export function channelView(channel: FakeChannel, viewer: string): Args {
  return {
    id: channel.id,
    name: channel.name,
    is_channel: !channel.is_private && !channel.is_im,
    is_group: channel.is_private && !channel.is_im,
    is_im: channel.is_im,
    is_mpim: false,
    is_private: channel.is_private,
    is_archived: channel.is_archived,
    is_general: channel.name === "general",
    created: channel.created,
    creator: channel.creator,
    name_normalized: channel.name,
    is_member: channel.members.includes(viewer),
    num_members: channel.members.length,
    topic: { ...channel.topic },
    purpose: { ...channel.purpose },
    previous_names: [],
  };
}
