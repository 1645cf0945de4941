/**
 * Channels this replica was told to leave alone for a while (a 429). Slack limits posting per channel and
 * Discord per route, so after one row of a channel is rate limited the other ordering keys of that channel
 * (other cards) wait too instead of collecting 429s. Best effort and per replica: the row itself carries
 * its `nextAttemptAt` in the database, which every replica honours. A global limit holds the platform.
 */
export class ChannelCooldowns {
  #until = new Map<string, number>();

  hold(platform: string, channelId: string, untilMs: number): void {
    const key = `${platform}:${channelId}`;
    this.#until.set(key, Math.max(untilMs, this.#until.get(key) ?? 0));
  }

  /** Discord's global rate limit: every channel of the platform waits. */
  holdPlatform(platform: string, untilMs: number): void {
    this.hold(platform, "*", untilMs);
  }

  isCooling(platform: string, channelId: string, nowMs: number): boolean {
    return this.#cooling(`${platform}:*`, nowMs) || this.#cooling(`${platform}:${channelId}`, nowMs);
  }

  #cooling(key: string, nowMs: number): boolean {
    const until = this.#until.get(key);
    if (until === undefined) return false;
    if (until > nowMs) return true;
    this.#until.delete(key);
    return false;
  }
}
