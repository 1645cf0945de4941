// Discord ids are snowflakes: milliseconds since the Discord epoch (2015-01-01) shifted left by 22 bits,
// plus worker/process/increment bits. discord.js derives `createdTimestamp` from them, so they must be real.
const DISCORD_EPOCH = 1_420_070_400_000n;

export class SnowflakeGenerator {
  private increment = 0n;

  constructor(private readonly now: () => number) {}

  next(): string {
    this.increment = (this.increment + 1n) & 0xfffn;
    const millis = BigInt(Math.floor(this.now())) - DISCORD_EPOCH;
    return ((millis << 22n) | (1n << 17n) | this.increment).toString();
  }
}
