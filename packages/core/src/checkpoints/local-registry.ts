import type { PersonRegistry, RegistryAnswer, RegistryListRecord, RegistryListStore } from './ports';
import { listHash } from './privacy';

/** Checks a person against the local lists (imported CSV) a checkpoint uses. */
export class LocalListRegistry implements PersonRegistry {
  readonly name = 'local';
  constructor(
    private readonly store: RegistryListStore,
    private readonly listIds: readonly string[],
  ) {}

  async lookup(idNumber: string): Promise<RegistryAnswer> {
    const answer: RegistryAnswer = {};
    for (const id of this.listIds) {
      // Headers (with each list's salt) are read per scan, so a deleted list stops matching at once.
      const list = await this.store.getList(id);
      if (!list) continue;
      const data = await this.store.find(list.id, listHash(list.salt, idNumber));
      if (!data) continue;
      mergeEntry(answer, list.kind, data);
    }
    return answer;
  }
}

/** Folds one list entry into an answer (shared by the offline station logic's server twin). */
export function mergeEntry(answer: RegistryAnswer, kind: RegistryListRecord['kind'], data: Record<string, string>): void {
  if (kind === 'flagged') {
    (answer.flagged ??= []).push({ category: data.category === 'wanted' ? 'wanted' : 'flagged', note: data.note || undefined });
  } else if (kind === 'permit') {
    const validTo = data.validTo || null;
    // Several permits: the one valid longest counts.
    if (!answer.permit || (answer.permit.validTo !== null && (validTo === null || validTo > answer.permit.validTo))) {
      answer.permit = { validTo, number: data.number || undefined };
    }
  } else if (kind === 'health') {
    answer.health = { status: data.status };
  }
}

/** Merges answers of several registries: any flag counts, the best permit, the first health status. */
export function mergeAnswers(answers: RegistryAnswer[]): RegistryAnswer {
  const out: RegistryAnswer = {};
  for (const a of answers) {
    if (a.flagged?.length) (out.flagged ??= []).push(...a.flagged);
    if (a.permit && (!out.permit || (out.permit.validTo !== null && (a.permit.validTo === null || a.permit.validTo > out.permit.validTo)))) out.permit = a.permit;
    if (a.health && !out.health) out.health = a.health;
  }
  return out;
}
