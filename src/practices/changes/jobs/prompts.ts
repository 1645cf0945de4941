import type { OpsdeskConfig } from "../../../config/types.js";
import { type Db, type Tx, transactionOptions } from "../../../db/client.js";
import type { Platform } from "../../../kernel/people/actor.js";
import { postText } from "../../../kernel/views/post-text.js";
import type { CardBody } from "../../../outbox/card-payload.js";
import { channelOrderingKey, enqueueOutbox } from "../../../outbox/index.js";
import type { TextMessageBody } from "../../../outbox/message-payload.js";
import type { JobDefinition } from "../../../scheduler/index.js";
import { eligibleApprovers, tallyOf } from "../approvals.js";
import { loadApprovers } from "../approvers.js";
import { activeChangeStatuses, type ChangeSnapshot } from "../model.js";
import { formatLocal } from "../planned-window.js";
import { changeChannel } from "../posts-channel.js";
import { agendaDate, overrunningDue, reminderRound, startingSoonDue } from "../prompts-due.js";
import { changeInclude, toChangeSnapshot } from "../snapshot.js";
import { cabAgenda } from "../views/agenda.js";

export interface ChangePromptsDeps {
  db: Db;
  config: OpsdeskConfig;
  /** The connected chat platforms; prompts are queued for each. */
  platforms: readonly Platform[];
  /** Called after new prompts were queued, e.g. to wake the outbox dispatcher. */
  onQueued?: () => void;
}

export interface ChangePromptsRun {
  reminders: number;
  startingSoon: number;
  overrunning: number;
  agendas: number;
}

/** How far ahead the CAB agenda looks. */
const agendaDays = 3;

/**
 * The scheduled change prompts at `now`: approver reminders, "starting soon", "overrunning" and the daily
 * CAB agenda. Each is queued in the outbox under a key naming what is due (the reminder round, the window,
 * the agenda's date), so however often the job runs, and on however many replicas, each prompt is queued
 * once. Returns how many were newly queued.
 */
export async function runChangePrompts(deps: ChangePromptsDeps, now: Date): Promise<ChangePromptsRun> {
  const run = await deps.db.$transaction(async (tx) => {
    const counts: ChangePromptsRun = { reminders: 0, startingSoon: 0, overrunning: 0, agendas: 0 };
    const rows = await tx.change.findMany({
      where: { status: { in: ["authorize", "scheduled", "implement"] } },
      include: changeInclude,
      orderBy: { number: "asc" },
    });
    const changes = rows.map(toChangeSnapshot);
    for (const change of changes) {
      if (change.status === "authorize") counts.reminders += await remind(deps, tx, change, now);
      if (change.status === "scheduled") counts.startingSoon += await startingSoon(deps, tx, change, now);
      if (change.status === "implement") counts.overrunning += await overrunning(deps, tx, change, now);
    }
    counts.agendas += await agenda(deps, tx, changes, now);
    return counts;
  }, transactionOptions);
  if (run.reminders + run.startingSoon + run.overrunning + run.agendas > 0) deps.onQueued?.();
  return run;
}

async function post(
  deps: ChangePromptsDeps,
  tx: Tx,
  change: ChangeSnapshot,
  key: string,
  now: Date,
  message: (platform: Platform) => Promise<TextMessageBody>,
): Promise<number> {
  let queued = 0;
  for (const platform of deps.platforms) {
    const channelId = changeChannel(deps.config, platform, change);
    if (!channelId) continue;
    const inserted = await enqueueOutbox(tx, {
      platform,
      channelId,
      orderingKey: channelOrderingKey(platform, channelId),
      kind: "post_message",
      idempotencyKey: `${key}:${platform}`,
      body: await message(platform),
      at: now,
    });
    if (inserted) queued += 1;
  }
  return queued;
}

async function platformIds(tx: Tx, platform: Platform, personIds: readonly string[]): Promise<string[]> {
  const identities = await tx.identity.findMany({
    where: { platform, personId: { in: [...personIds] } },
    orderBy: { externalId: "asc" },
  });
  return identities.map((identity) => identity.externalId);
}

async function remind(deps: ChangePromptsDeps, tx: Tx, change: ChangeSnapshot, now: Date): Promise<number> {
  if (!change.authorizeStartedAt) return 0;
  const round = reminderRound(change.authorizeStartedAt, now, deps.config.changes);
  if (round === undefined) return 0;
  const approvers = await loadApprovers(tx, change.approvalGroupId);
  const voted = new Set(change.votes.map((vote) => vote.person.id));
  const waiting = eligibleApprovers(change, approvers.members).filter((person) => !voted.has(person.id));
  if (waiting.length === 0) return 0;
  const tally = tallyOf(change.votes, change.quorum ?? 1);
  return post(deps, tx, change, `change:${change.id}:reminder:${round}`, now, async (platform) => ({
    mentions: await platformIds(
      tx,
      platform,
      waiting.map((person) => person.id),
    ),
    text: postText`Reminder: ${change.ref} (${change.title}) is waiting for your vote: ${tally.approvals} of ${tally.needed} approvals so far. Approve or reject it on its approval prompt, or with /change approve ${change.ref}.`,
  }));
}

async function startingSoon(
  deps: ChangePromptsDeps,
  tx: Tx,
  change: ChangeSnapshot,
  now: Date,
): Promise<number> {
  if (!startingSoonDue(change.plannedStart, now, deps.config.changes.startingSoonMinutes)) return 0;
  const minutes = Math.ceil((change.plannedStart.getTime() - now.getTime()) / 60_000);
  const people = [change.assignee?.id ?? change.requester.id];
  return post(
    deps,
    tx,
    change,
    `change:${change.id}:starting_soon:${change.plannedStart.getTime()}`,
    now,
    async (platform) => ({
      mentions: await platformIds(tx, platform, people),
      text: postText`${change.ref} (${change.title}) starts in ${minutes} min, at ${formatLocal(change.plannedStart, deps.config.timezone)} (${deps.config.timezone}). Press Start implementation on its card when work begins.`,
    }),
  );
}

async function overrunning(
  deps: ChangePromptsDeps,
  tx: Tx,
  change: ChangeSnapshot,
  now: Date,
): Promise<number> {
  if (!overrunningDue(change.plannedEnd, now)) return 0;
  const people = [change.assignee?.id ?? change.requester.id];
  return post(
    deps,
    tx,
    change,
    `change:${change.id}:overrunning:${change.plannedEnd.getTime()}`,
    now,
    async (platform) => ({
      mentions: await platformIds(tx, platform, people),
      text: postText`${change.ref} (${change.title}) is still being implemented, but its window closed at ${formatLocal(change.plannedEnd, deps.config.timezone)} (${deps.config.timezone}). Finish it, or back it out and close it as overran.`,
    }),
  );
}

async function agenda(
  deps: ChangePromptsDeps,
  tx: Tx,
  changes: readonly ChangeSnapshot[],
  now: Date,
): Promise<number> {
  const { timezone } = deps.config;
  const date = agendaDate(now, deps.config.changes.agendaTime, timezone);
  if (date === undefined) return 0;
  const until = now.getTime() + agendaDays * 86_400_000;
  const pending = changes
    .filter((change) => change.status === "authorize")
    .map((change) => ({ change, tally: tallyOf(change.votes, change.quorum ?? 1) }));
  const upcoming = await tx.change.findMany({
    where: {
      status: { in: [...activeChangeStatuses].filter((status) => status !== "authorize") },
      plannedStart: { lt: new Date(until) },
      plannedEnd: { gt: now },
    },
    include: changeInclude,
    orderBy: { plannedStart: "asc" },
    take: 30,
  });
  const body: CardBody = { card: cabAgenda(date, pending, upcoming.map(toChangeSnapshot), timezone) };
  let queued = 0;
  for (const platform of deps.platforms) {
    const channelId = deps.config.channels.approvals[platform];
    if (!channelId) continue;
    const inserted = await enqueueOutbox(tx, {
      platform,
      channelId,
      orderingKey: channelOrderingKey(platform, channelId),
      kind: "post_card",
      idempotencyKey: `cab_agenda:${date}:${platform}`,
      body,
      at: now,
    });
    if (inserted) queued += 1;
  }
  return queued;
}

/**
 * The change prompts as a scheduled job: every minute, one replica per slot. A slot run twice (a take-over
 * after a crash) is harmless: each prompt is keyed, so it is queued once whoever runs it.
 */
export function changePromptsJob(deps: ChangePromptsDeps): JobDefinition {
  return {
    name: "change-prompts",
    every: "1m",
    async run({ now }) {
      await runChangePrompts(deps, now);
    },
  };
}
