/**
 * Signed chat requests older or newer than this are refused, whatever their signature: a captured request
 * cannot be replayed later. Slack documents five minutes; Discord checks nothing, so OpsDesk uses the same.
 * Both directions: Bolt alone accepts timestamps from the future (seen: ten minutes ahead passed).
 */
export const replayWindowSeconds = 5 * 60;

export function withinReplayWindow(timestampSeconds: number, nowMs: number): boolean {
  return Math.abs(nowMs / 1000 - timestampSeconds) <= replayWindowSeconds;
}
