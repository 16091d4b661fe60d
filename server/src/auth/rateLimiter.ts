/** Fixed-window counter per key (client address, email), for sign-in attempts. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  isLimited(key: string): boolean {
    const window = this.current(key);
    return window !== null && window.count >= this.max;
  }

  record(key: string): void {
    const window = this.current(key) ?? { start: this.now(), count: 0 };
    window.count++;
    this.windows.set(key, window);
    if (this.windows.size > 10_000) this.prune();
  }

  private current(key: string): { start: number; count: number } | null {
    const window = this.windows.get(key);
    if (!window) return null;
    if (this.now() - window.start >= this.windowMs) {
      this.windows.delete(key);
      return null;
    }
    return window;
  }

  private prune(): void {
    for (const key of this.windows.keys()) this.current(key);
  }
}
