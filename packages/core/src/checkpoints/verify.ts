import type { ScanPayloadKind, ScanReasonCode } from '@vigil/types';
import { type CccdData, cccdConsistent, cccdExpiry, looksLikeCccd, parseCccd } from './cccd';
import { type VerifiedDeclaration, checkDeclaration, looksLikeDeclaration } from './declaration';
import { mergeAnswers } from './local-registry';
import type { CheckpointRecord, NonceStore, PersonRegistry, RegistryAnswer } from './ports';

/** Everything learnt from one payload, before it becomes a verdict. */
export interface Verification {
  kind: ScanPayloadKind;
  findings: ScanReasonCode[];
  /** Only when the payload is trustworthy enough to name someone. */
  idNumber?: string;
  card?: CccdData;
  declaration?: VerifiedDeclaration;
  answer?: RegistryAnswer;
  error?: string;
}

export interface VerifyDeps {
  registries: readonly PersonRegistry[];
  nonces: NonceStore;
  now: Date;
  scanId: string;
}

/** Calendar day at the checkpoint (Vietnam, UTC+7) for comparing permit dates. */
export function checkpointDay(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Parses, authenticates and looks a payload up against the registries; no logging, no verdict. */
export async function verifyPayload(text: string, cp: CheckpointRecord, deps: VerifyDeps): Promise<Verification> {
  const rules = cp.rules;
  if (looksLikeDeclaration(text, cp.declaration)) {
    if (!rules.accept.includes('declaration')) return { kind: 'declaration', findings: ['unsupported_kind'] };
    const res = checkDeclaration(text, cp.declaration, deps.now);
    if (res.kind === 'malformed') return { kind: 'declaration', findings: ['malformed'], error: res.error };
    if (res.kind === 'checked') {
      const v: Verification = { kind: 'declaration', findings: [...res.findings], declaration: res.declaration };
      if (res.findings.length > 0) return v;
      const { body } = res.declaration;
      const claim = await deps.nonces.claim(`${body.kid}:${body.nonce}`, deps.scanId, new Date(body.exp * 1000).toISOString());
      if (!claim.fresh && claim.firstScanId !== deps.scanId) v.findings.push('replayed');
      v.idNumber = body.id;
      return lookUp(v, cp, deps);
    }
  }
  if (looksLikeCccd(text)) {
    if (!rules.accept.includes('cccd')) return { kind: 'cccd', findings: ['unsupported_kind'] };
    const parsed = parseCccd(text);
    if (!parsed.ok) return { kind: 'cccd', findings: ['malformed'], error: parsed.error };
    const card = parsed.data;
    const v: Verification = { kind: 'cccd', findings: [], card, idNumber: card.idNumber };
    if (!cccdConsistent(card)) v.findings.push('id_inconsistent');
    const expiry = cccdExpiry(card);
    if (expiry && expiry <= checkpointDay(deps.now)) v.findings.push('card_expired');
    return lookUp(v, cp, deps);
  }
  return { kind: 'unknown', findings: ['malformed'], error: 'neither a CCCD nor a declaration code' };
}

async function lookUp(v: Verification, cp: CheckpointRecord, deps: VerifyDeps): Promise<Verification> {
  const answers = await Promise.all(
    deps.registries.map((r) =>
      r.lookup(v.idNumber!).then(
        (a) => ({ ok: true as const, a }),
        (err: unknown) => ({ ok: false as const, err }),
      ),
    ),
  );
  if (answers.some((a) => !a.ok)) v.findings.push('registry_unavailable');
  const answer = mergeAnswers(answers.flatMap((a) => (a.ok ? [a.a] : [])));
  v.answer = answer;
  v.findings.push(...findingsOf(answer, cp, { today: checkpointDay(deps.now), declaredHealth: v.declaration?.body.health }));
  return v;
}

/** Rule checks on what the registries said. */
export function findingsOf(answer: RegistryAnswer, cp: Pick<CheckpointRecord, 'rules'>, opts: { today: string; declaredHealth?: string }): ScanReasonCode[] {
  const out: ScanReasonCode[] = [];
  for (const f of answer.flagged ?? []) out.push(f.category === 'wanted' ? 'wanted' : 'flagged');
  if (answer.permit) {
    if (answer.permit.validTo !== null && answer.permit.validTo < opts.today) out.push('permit_expired');
  } else if (cp.rules.requirePermit) out.push('permit_missing');
  if (cp.rules.requiredHealth.length > 0) {
    const status = opts.declaredHealth ?? answer.health?.status;
    if (!status) out.push('health_missing');
    else if (!cp.rules.requiredHealth.includes(status)) out.push('health_status');
  }
  return out;
}
