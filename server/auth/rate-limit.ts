/**
 * A sliding-window counter per key (client address), in memory. It slows down password guessing
 * from one address; the per-account lock-out, kept in the database, is what holds across servers.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a hit; false when the key is over its limit. */
  take(key: string): boolean {
    const t = this.now();
    const since = t - this.windowMs;
    const list = (this.hits.get(key) ?? []).filter((x) => x > since);
    if (list.length >= this.limit) {
      this.hits.set(key, list);
      return false;
    }
    list.push(t);
    this.hits.set(key, list);
    if (this.hits.size > 50_000) this.sweep(since);
    return true;
  }

  private sweep(since: number): void {
    for (const [k, v] of this.hits) if (!v.some((x) => x > since)) this.hits.delete(k);
  }
}
