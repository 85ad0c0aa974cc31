import type { TSessionRow } from './sessions';

/**
 * A very short-lived cache of resolved sessions (1 s by default), so that a burst of reads does not
 * look the session up again for each request. It is emptied whenever this process handles any
 * state-changing request, so within one process a sign-out, a disabled account or a changed role
 * takes effect at once; across several servers on one PostgreSQL the delay is at most the TTL.
 */
export class SessionCache {
  private readonly entries = new Map<string, { row: TSessionRow; at: number }>();

  constructor(
    private readonly ttlMs = 1000,
    private readonly max = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): TSessionRow | undefined {
    const e = this.entries.get(token);
    if (!e) return undefined;
    if (this.now() - e.at > this.ttlMs) {
      this.entries.delete(token);
      return undefined;
    }
    return e.row;
  }

  set(token: string, row: TSessionRow): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(token, { row, at: this.now() });
  }

  clear(): void {
    this.entries.clear();
  }
}
