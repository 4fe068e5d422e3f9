import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** Limits of the public look-up; the environment can tighten or relax them per deployment. */
export interface PublicGuardOptions {
  /** Token bucket size and refill per minute, per client IP. */
  perMinute: number;
  /** Look-ups an IP may make before it must solve a challenge (then it gets as many again). */
  freeQueries: number;
  /** How long a challenge stays valid. */
  challengeTtlMs: number;
  now?: () => number;
}

export function guardOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): PublicGuardOptions {
  return {
    perMinute: Number(env.VIGIL_PUBLIC_RATE_PER_MIN ?? 30),
    freeQueries: Number(env.VIGIL_PUBLIC_FREE_QUERIES ?? 5),
    challengeTtlMs: 5 * 60_000,
  };
}

type Verdict = { ok: true } | { ok: false; status: 429 | 428; error: string; message: string; retryAfterS?: number };

/**
 * Per-IP token bucket (HTTP 429 when empty) plus a small arithmetic challenge after a few queries,
 * signed with a per-process key so the server keeps no state per challenge except used ones.
 */
export class PublicGuard {
  private readonly key = randomBytes(32);
  private readonly buckets = new Map<string, { tokens: number; at: number; sinceChallenge: number }>();
  private readonly used = new Map<string, number>();
  private readonly now: () => number;
  constructor(private readonly o: PublicGuardOptions) {
    this.now = o.now ?? Date.now;
  }

  /** Takes one token for the IP and checks the challenge answer when one is due. */
  check(ip: string, challenge?: string, answer?: string): Verdict {
    const now = this.now();
    this.sweep(now);
    const b = this.buckets.get(ip) ?? { tokens: this.o.perMinute, at: now, sinceChallenge: 0 };
    b.tokens = Math.min(this.o.perMinute, b.tokens + ((now - b.at) / 60_000) * this.o.perMinute);
    b.at = now;
    this.buckets.set(ip, b);
    if (b.tokens < 1) {
      return { ok: false, status: 429, error: 'RATE_LIMITED', message: 'too many look-ups; wait and try again', retryAfterS: Math.ceil(((1 - b.tokens) * 60) / this.o.perMinute) };
    }
    b.tokens -= 1;
    if (b.sinceChallenge >= this.o.freeQueries) {
      if (!challenge || answer === undefined) {
        return { ok: false, status: 428, error: 'CHALLENGE_REQUIRED', message: 'solve the challenge from GET /api/public/challenge and send challenge and answer' };
      }
      const why = this.verify(challenge, answer, now);
      if (why) return { ok: false, status: 428, error: 'CHALLENGE_FAILED', message: why };
      b.sinceChallenge = 0;
    }
    b.sinceChallenge++;
    return { ok: true };
  }

  /** A new challenge: a sum to work out, with a signed token that carries the expected answer's hash. */
  issue(): { challenge: string; question: string; expiresAt: string } {
    const a = randomInt(2, 20);
    const b = randomInt(2, 20);
    const exp = this.now() + this.o.challengeTtlMs;
    const body = `${exp}.${randomBytes(8).toString('hex')}.${this.mac(`answer:${a + b}`).slice(0, 16)}`;
    return { challenge: `${body}.${this.mac(body)}`, question: `${a} + ${b} = ?`, expiresAt: new Date(exp).toISOString() };
  }

  private verify(token: string, answer: string, now: number): string | null {
    const parts = token.split('.');
    if (parts.length !== 4) return 'malformed challenge';
    const [exp, nonce, answerMac, sig] = parts;
    const body = `${exp}.${nonce}.${answerMac}`;
    const want = Buffer.from(this.mac(body));
    if (want.length !== Buffer.from(sig).length || !timingSafeEqual(want, Buffer.from(sig))) return 'challenge not issued by this server';
    if (Number(exp) < now) return 'challenge expired; ask for a new one';
    if (this.used.has(nonce)) return 'challenge already used';
    if (this.mac(`answer:${answer.trim()}`).slice(0, 16) !== answerMac) return 'wrong answer';
    this.used.set(nonce, Number(exp));
    return null;
  }

  private mac(s: string): string {
    return createHmac('sha256', this.key).update(s).digest('base64url');
  }

  /** Forgets full buckets and expired challenges so memory stays bounded. */
  private sweep(now: number): void {
    if (this.buckets.size > 10_000) {
      for (const [ip, b] of this.buckets) if (now - b.at > 10 * 60_000) this.buckets.delete(ip);
    }
    for (const [nonce, exp] of this.used) if (exp < now) this.used.delete(nonce);
  }
}
