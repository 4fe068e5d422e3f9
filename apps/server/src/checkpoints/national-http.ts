import type { PersonRegistry, RegistryAnswer } from '@vigil/core';
import { z } from 'zod';

/** What the national platform answers; unknown fields are ignored. */
const Answer = z.object({
  flagged: z.boolean().optional(),
  wanted: z.boolean().optional(),
  note: z.string().max(500).optional(),
  permit: z.object({ validTo: z.string().nullable(), number: z.string().optional() }).nullable().optional(),
  health: z.object({ status: z.string() }).nullable().optional(),
});

export interface HttpRegistryOptions {
  url: string;
  timeoutMs: number;
  apiKey?: string;
  fetchImpl?: typeof fetch;
}

/**
 * The national platform over HTTP: POST `{idNumber}` -> `{flagged, wanted, note, permit, health}`.
 * Rejects (so the rules say `registry_unavailable`) on timeout, non-2xx or an unreadable answer.
 */
export class HttpNationalRegistry implements PersonRegistry {
  readonly name = 'national';
  constructor(private readonly o: HttpRegistryOptions) {}

  async lookup(idNumber: string): Promise<RegistryAnswer> {
    const res = await (this.o.fetchImpl ?? fetch)(this.o.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(this.o.apiKey && { authorization: `Bearer ${this.o.apiKey}` }) },
      body: JSON.stringify({ idNumber }),
      signal: AbortSignal.timeout(this.o.timeoutMs),
    });
    if (!res.ok) throw new Error(`national registry answered HTTP ${res.status}`);
    const a = Answer.parse(await res.json());
    const flagged: RegistryAnswer['flagged'] = [];
    if (a.wanted) flagged.push({ category: 'wanted', note: a.note });
    else if (a.flagged) flagged.push({ category: 'flagged', note: a.note });
    return { flagged, permit: a.permit ?? null, health: a.health ?? null };
  }
}
