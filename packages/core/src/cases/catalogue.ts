import type { VehicleType, ViolationRule } from '@vigil/types';
import { invalid } from '../errors';
import { CATALOGUE } from './catalogue-data';
import { vnDate } from './deadlines';

/** Rules in force on a Vietnam calendar day (YYYY-MM-DD); all versions when no day is given. */
export function catalogueOn(day?: string, rules: readonly ViolationRule[] = CATALOGUE): ViolationRule[] {
  if (!day) return [...rules];
  return rules.filter((r) => r.validFrom <= day && (r.validTo === null || day <= r.validTo));
}

/**
 * The rule a case cites: `codeOrKey` is a national code (must be in force on the day) or a stable
 * key (resolved to the version in force). Refuses unknown codes and vehicles the rule does not cover.
 */
export function ruleFor(codeOrKey: string, at: Date, vehicleType?: VehicleType, field = 'typeCode'): ViolationRule {
  const day = vnDate(at);
  const byCode = CATALOGUE.filter((r) => r.code === codeOrKey);
  const candidates = byCode.length ? byCode : CATALOGUE.filter((r) => r.key === codeOrKey);
  if (candidates.length === 0) throw invalid(field, `unknown violation code "${codeOrKey}"; see GET /api/violations/catalogue`);
  const rule = catalogueOn(day, candidates)[0];
  if (!rule) {
    throw invalid(field, `violation code "${codeOrKey}" is not in force on ${day}; the rule of that day is ${inForceSibling(candidates[0].key, day) ?? 'none'}`);
  }
  if (vehicleType && !rule.vehicleTypes.includes(vehicleType)) {
    throw invalid(field, `violation ${rule.code} does not apply to vehicle type ${vehicleType} (applies to ${rule.vehicleTypes.join(', ')})`);
  }
  return rule;
}

function inForceSibling(key: string, day: string): string | undefined {
  return catalogueOn(day, CATALOGUE.filter((r) => r.key === key))[0]?.code;
}
