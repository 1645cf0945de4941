// Builders for the payloads Slack sends to an app, shaped after Slack's reference payloads
// (docs.slack.dev: slash commands, block_actions, view_submission, message_action, Events API envelope).
import { slackId } from "./ids.js";
import type { FakeSlack } from "./server.js";
import type { FakeMessage, FakeView } from "./types.js";

/** Deprecated verification token: Slack still sends it in every payload; apps must not rely on it. */
export const VERIFICATION_TOKEN = "fake-verification-token";

export interface CommandInput {
  command: string;
  text?: string;
  userId: string;
  channelId: string;
  userName?: string;
  channelName?: string;
}

export interface BlockActionInput {
  actionId: string;
  value?: string;
  userId: string;
  channelId: string;
  /** The message the button sits on; its current state is read from the fake when not given as `message`. */
  messageTs?: string;
  blockId?: string;
  /** Element type; default "button". */
  actionType?: string;
  /** For selects: the chosen option. */
  selectedOption?: { text: string; value: string };
  message?: Partial<FakeMessage>;
  isEphemeral?: boolean;
  /** Set for actions inside a modal: the container becomes the view and no response_url is issued. */
  viewId?: string;
}

export interface ViewSubmissionInput {
  callbackId: string;
  privateMetadata?: string;
  /** `state.values`: block_id → action_id → element state, e.g. `{ title: { value: { type: "plain_text_input", value: "x" } } }`. */
  values: Record<string, Record<string, unknown>>;
  userId: string;
  /** The submitted view; default: the user's newest open view with this callback_id in the fake. */
  viewId?: string;
}

export interface MessageShortcutInput {
  callbackId: string;
  message: { text: string; ts: string; user: string; thread_ts?: string };
  channelId: string;
  userId: string;
}

function actionTs(fake: FakeSlack): string {
  return (fake.now() / 1000).toFixed(6);
}

function user(fake: FakeSlack, userId: string, userName?: string): Record<string, unknown> {
  const name = userName ?? userId.toLowerCase();
  return { id: userId, username: name, name, team_id: fake.teamId };
}

function team(fake: FakeSlack): Record<string, unknown> {
  return { id: fake.teamId, domain: fake.teamDomain };
}

export function commandFields(
  fake: FakeSlack,
  input: CommandInput,
  triggerId: string,
  responseUrl: string,
): Record<string, string> {
  return {
    token: VERIFICATION_TOKEN,
    team_id: fake.teamId,
    team_domain: fake.teamDomain,
    channel_id: input.channelId,
    channel_name: input.channelName ?? fake.channel(input.channelId)?.name ?? "unknown",
    user_id: input.userId,
    user_name: input.userName ?? input.userId.toLowerCase(),
    command: input.command,
    text: input.text ?? "",
    api_app_id: fake.appId,
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: triggerId,
  };
}

function actionElement(fake: FakeSlack, input: BlockActionInput): Record<string, unknown> {
  const type = input.actionType ?? "button";
  return {
    type,
    action_id: input.actionId,
    block_id: input.blockId ?? slackId("b", 5).toLowerCase(),
    ...(type === "button" ? { text: { type: "plain_text", text: input.actionId, emoji: true } } : {}),
    ...(input.value !== undefined ? { value: input.value } : {}),
    ...(input.selectedOption
      ? {
          selected_option: {
            text: { type: "plain_text", text: input.selectedOption.text, emoji: true },
            value: input.selectedOption.value,
          },
        }
      : {}),
    action_ts: actionTs(fake),
  };
}

function wireMessage(message: Partial<FakeMessage>): Record<string, unknown> {
  const { channel: _c, pinned: _p, replies: _r, ...rest } = message;
  return { type: "message", ...rest };
}

export function blockActionPayload(
  fake: FakeSlack,
  input: BlockActionInput,
  triggerId: string,
  responseUrl: string | undefined,
): Record<string, unknown> {
  const common = {
    type: "block_actions",
    user: user(fake, input.userId),
    api_app_id: fake.appId,
    token: VERIFICATION_TOKEN,
    trigger_id: triggerId,
    team: team(fake),
    enterprise: null,
    is_enterprise_install: false,
    actions: [actionElement(fake, input)],
  };
  if (input.viewId !== undefined) {
    const view = fake.view(input.viewId);
    return {
      ...common,
      container: { type: "view", view_id: input.viewId },
      view: view ? viewPayload(view, {}) : { id: input.viewId },
      state: { values: {} },
    };
  }
  const stored =
    input.messageTs !== undefined ? fake.findMessage(input.channelId, input.messageTs) : undefined;
  const message = input.message ?? stored ?? { ts: input.messageTs, text: "" };
  const messageTs = input.messageTs ?? message.ts;
  return {
    ...common,
    container: {
      type: "message",
      message_ts: messageTs,
      channel_id: input.channelId,
      is_ephemeral: input.isEphemeral ?? false,
    },
    channel: { id: input.channelId, name: fake.channel(input.channelId)?.name ?? "unknown" },
    // Ephemeral messages are not echoed back in block_actions payloads.
    ...(input.isEphemeral ? {} : { message: wireMessage(message) }),
    state: { values: {} },
    response_url: responseUrl,
  };
}

export function viewPayload(
  view: FakeView,
  values: Record<string, Record<string, unknown>>,
): Record<string, unknown> {
  const { user: _user, closed: _closed, ...rest } = view;
  return { ...rest, state: { values }, app_installed_team_id: view.team_id };
}

export function viewSubmissionPayload(
  fake: FakeSlack,
  input: ViewSubmissionInput,
  view: FakeView | undefined,
  triggerId: string,
): Record<string, unknown> {
  const viewBody = view
    ? viewPayload(view, input.values)
    : {
        id: slackId("V"),
        team_id: fake.teamId,
        type: "modal",
        blocks: [],
        private_metadata: input.privateMetadata ?? "",
        callback_id: input.callbackId,
        state: { values: input.values },
        hash: `${Math.floor(fake.now() / 1000)}.fake`,
        title: { type: "plain_text", text: "Modal" },
        previous_view_id: null,
        root_view_id: null,
        app_id: fake.appId,
        external_id: "",
        bot_id: fake.botId,
      };
  if (view && input.privateMetadata !== undefined) viewBody.private_metadata = input.privateMetadata;
  return {
    type: "view_submission",
    team: team(fake),
    user: user(fake, input.userId),
    api_app_id: fake.appId,
    token: VERIFICATION_TOKEN,
    trigger_id: triggerId,
    view: viewBody,
    // Only modals opened with an input block's `response_url_enabled` get response_urls.
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

export function messageShortcutPayload(
  fake: FakeSlack,
  input: MessageShortcutInput,
  triggerId: string,
  responseUrl: string,
): Record<string, unknown> {
  return {
    type: "message_action",
    token: VERIFICATION_TOKEN,
    action_ts: actionTs(fake),
    team: team(fake),
    user: user(fake, input.userId),
    channel: { id: input.channelId, name: fake.channel(input.channelId)?.name ?? "unknown" },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: input.callbackId,
    trigger_id: triggerId,
    response_url: responseUrl,
    message_ts: input.message.ts,
    message: { type: "message", ...input.message },
  };
}

export function eventEnvelope(
  fake: FakeSlack,
  event: { type: string } & Record<string, unknown>,
  eventId: string,
): Record<string, unknown> {
  const eventTime = Math.floor(fake.now() / 1000);
  return {
    token: VERIFICATION_TOKEN,
    team_id: fake.teamId,
    context_team_id: fake.teamId,
    context_enterprise_id: null,
    api_app_id: fake.appId,
    event: { event_ts: actionTs(fake), ...event },
    type: "event_callback",
    event_id: eventId,
    event_time: eventTime,
    authorizations: [
      {
        enterprise_id: null,
        team_id: fake.teamId,
        user_id: fake.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-fake-${eventId}`,
  };
}
