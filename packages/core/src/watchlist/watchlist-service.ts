// The watch-list of plates (stolen vehicles, wanted persons' vehicles): entries kept normalised by
// the plate grammar, so "51F-123.45", "51f12345" and "51F 123.45" are one plate; every plate the
// analytics pipeline reads, and every plate an officer types, is checked against it. A match is
// stored as a hit (the alert row operators work from), audited, and told to listeners at once.
import type { Actor } from '../auth/permissions';
import { assertCan, assertInScope } from '../auth/permissions';
import type { AuditService } from '../audit/audit-service';
import { conflict, invalid, notFound, VigilError } from '../errors';
import type { Clock } from '../ports';
import { newId } from '../util/ids';
import type { WatchlistCheckResult, WatchlistEntryCreate, WatchlistQuery, WatchlistHitQuery } from '@vigil/types';
import type { ParsedPlate, PlateGrammar, WatchlistEntryRecord, WatchlistHitRecord, WatchlistStore } from './ports';

/** The same entry seen again by the same camera within this time raises no new alert row. */
const REPEAT_MS = 5 * 60_000;

/** Where a checked plate came from. */
export interface PlateCheckContext {
  /** Unit the hit belongs to (the camera's unit, or the officer's). */
  unitId: string;
  cameraId?: string | null;
  /** When the plate was seen (default: now). */
  at?: string;
  /** Reader confidence 0..1 for camera reads. */
  confidence?: number | null;
  /** The officer checking by hand; absent for camera reads. */
  actor?: Actor | null;
  ip?: string;
}

export interface WatchlistDeps {
  store: WatchlistStore;
  grammar: PlateGrammar;
  audit: AuditService;
  clock: Clock;
}

type HitListener = (hit: WatchlistHitRecord) => void;

export class WatchlistService {
  private readonly listeners = new Set<HitListener>();

  constructor(private readonly d: WatchlistDeps) {}

  /** Calls `fn` for every new hit (alert); returns the unsubscribe function. */
  onHit(fn: HitListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Normalises a plate or throws a validation error on `field`. */
  parsePlate(raw: string, field = 'plate'): ParsedPlate {
    const p = this.d.grammar.parse(raw);
    if (!p) throw invalid(field, `"${raw}" is not a valid Vietnamese plate`);
    return p;
  }

  async add(actor: Actor, body: WatchlistEntryCreate, ip?: string): Promise<WatchlistEntryRecord> {
    assertCan(actor, 'cases:intake');
    const plate = this.parsePlate(body.plate);
    const now = this.d.clock.now().toISOString();
    if (body.until && new Date(body.until).toISOString() <= now) throw invalid('until', 'must be in the future');
    const same = (await this.d.store.activeFor(plate.text, now)).find((e) => e.category === body.category);
    if (same) throw conflict('plate', `${plate.display} is already on the watch-list as ${body.category}`);
    const rec: WatchlistEntryRecord = {
      id: newId(), plate: plate.text, display: plate.display, reason: body.reason, category: body.category,
      until: body.until ? new Date(body.until).toISOString() : null, unitId: actor.unitId, createdAt: now, createdBy: actor.username,
    };
    await this.d.store.insert(rec);
    await this.d.audit.record({ actor, action: 'watchlist.add', targetType: 'watchlist-entry', targetId: rec.id, unitId: rec.unitId, ip, details: { plate: rec.plate, category: rec.category } });
    return rec;
  }

  async remove(actor: Actor, id: string, ip?: string): Promise<void> {
    assertCan(actor, 'cases:intake');
    const rec = await this.d.store.get(id);
    if (!rec) throw notFound('watch-list entry', id);
    assertInScope(actor, rec.unitId, 'watch-list entry');
    await this.d.store.delete(id);
    await this.d.audit.record({ actor, action: 'watchlist.remove', targetType: 'watchlist-entry', targetId: id, unitId: rec.unitId, ip, details: { plate: rec.plate, category: rec.category } });
  }

  /** The watch-list is national: a stolen plate is looked for everywhere, so every reader sees every entry. */
  async list(actor: Actor, q: WatchlistQuery): Promise<{ items: WatchlistEntryRecord[]; total: number }> {
    assertCan(actor, 'events:read');
    const plate = q.plate ? q.plate.toUpperCase().replace(/Đ/g, 'D').replace(/[^0-9A-Z]/g, '') : undefined;
    const { rows, total } = await this.d.store.list({
      plate, category: q.category, activeAt: q.active === 'true' ? this.d.clock.now().toISOString() : undefined, limit: q.limit, offset: q.offset,
    });
    return { items: rows, total };
  }

  /** Imports rows {plate, reason, category, until?}; a refused row names its line and field. */
  async importRows(actor: Actor, rows: Record<string, string>[], ip?: string): Promise<{ created: number; updated: number; errors: { line: number; field?: string; message: string }[] }> {
    assertCan(actor, 'cases:intake');
    const out = { created: 0, updated: 0, errors: [] as { line: number; field?: string; message: string }[] };
    for (const [i, row] of rows.entries()) {
      try {
        const category = (row.category || 'other').toLowerCase();
        if (!['stolen', 'wanted', 'other'].includes(category)) throw invalid('category', 'must be stolen, wanted or other');
        if (!row.plate) throw invalid('plate', 'required');
        if (!row.reason) throw invalid('reason', 'required');
        if (row.until && Number.isNaN(Date.parse(row.until))) throw invalid('until', 'not a date');
        await this.add(actor, { plate: row.plate, reason: row.reason.slice(0, 500), category: category as WatchlistEntryCreate['category'], until: row.until ? new Date(row.until).toISOString() : undefined }, ip);
        out.created++;
      } catch (err) {
        if (!(err instanceof VigilError)) throw err;
        out.errors.push({ line: i + 2, field: err.field, message: err.message });
      }
    }
    return out;
  }

  /**
   * Checks one plate read (from the analytics pipeline: call it for every plate read) or typed by an
   * officer. An unreadable string is simply no hit. Each matching entry raises a stored, audited hit,
   * except a camera that already reported the same entry in the last five minutes (one vehicle seen
   * in many frames is one alert).
   */
  async checkPlate(raw: string, context: PlateCheckContext): Promise<WatchlistCheckResult> {
    const plate = this.d.grammar.parse(raw);
    if (!plate) return { plate: raw, display: raw, hit: false, entries: [], hits: [] };
    const at = context.at ? new Date(context.at).toISOString() : this.d.clock.now().toISOString();
    const entries = await this.d.store.activeFor(plate.text, at);
    const hits: WatchlistHitRecord[] = [];
    const cameraId = context.cameraId ?? null;
    for (const e of entries) {
      if (cameraId) {
        const last = await this.d.store.lastHitAt(e.id, cameraId);
        if (last && Date.parse(at) - Date.parse(last) < REPEAT_MS) continue;
      }
      const hit: WatchlistHitRecord = {
        id: newId(), entryId: e.id, plate: e.plate, display: e.display, category: e.category, reason: e.reason, at,
        source: context.actor ? 'manual' : 'camera', cameraId, unitId: context.unitId, confidence: context.confidence ?? null,
        checkedBy: context.actor?.username ?? null,
      };
      await this.d.store.insertHit(hit);
      await this.d.audit.record({
        actor: context.actor ?? null, actorName: context.actor ? undefined : 'analytics', action: 'watchlist.hit', targetType: 'watchlist-entry',
        targetId: e.id, unitId: context.unitId, ip: context.ip, details: { hitId: hit.id, plate: e.plate, category: e.category, cameraId },
      });
      hits.push(hit);
      for (const fn of this.listeners) fn(hit);
    }
    return { plate: plate.text, display: plate.display, hit: entries.length > 0, entries, hits };
  }

  /** An officer's check of a typed plate: validated (a typo is an error, not a miss) and audited like any hit. */
  async check(actor: Actor, rawPlate: string, ip?: string): Promise<WatchlistCheckResult> {
    assertCan(actor, 'events:read');
    const plate = this.parsePlate(rawPlate);
    return this.checkPlate(plate.text, { unitId: actor.unitId, actor, ip });
  }

  async hits(actor: Actor, q: WatchlistHitQuery): Promise<{ items: WatchlistHitRecord[]; total: number }> {
    assertCan(actor, 'events:read');
    const plate = q.plate ? q.plate.toUpperCase().replace(/Đ/g, 'D').replace(/[^0-9A-Z]/g, '') : undefined;
    const { rows, total } = await this.d.store.listHits({ unitIds: [...actor.scope], plate, cameraId: q.cameraId, limit: q.limit, offset: q.offset });
    return { items: rows, total };
  }
}
