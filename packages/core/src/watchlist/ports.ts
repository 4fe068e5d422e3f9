// Ports of the watch-list: where entries and hits are kept, and how a plate string is understood.
// The plate grammar is a port so that core stays free of the reader package; the server wires in
// @vigil/anpr's grammar.
import type { WatchlistCategory, WatchlistEntry, WatchlistHit } from '@vigil/types';

export type WatchlistEntryRecord = WatchlistEntry;
export type WatchlistHitRecord = WatchlistHit;

/** A plate as the grammar understands it. */
export interface ParsedPlate {
  /** Normalised ("51F12345"). */
  text: string;
  /** As printed ("51F-123.45"). */
  display: string;
}

/** Validates and normalises plate strings. */
export interface PlateGrammar {
  /** The plate a string denotes in any printed or normalised form, or null when it is not a valid plate. */
  parse(raw: string): ParsedPlate | null;
}

export interface WatchlistEntryFilter {
  plate?: string;
  category?: WatchlistCategory;
  /** Only entries without an end, or ending after this time. */
  activeAt?: string;
  limit: number;
  offset: number;
}

export interface WatchlistHitFilter {
  unitIds: readonly string[];
  plate?: string;
  cameraId?: string;
  limit: number;
  offset: number;
}

export interface WatchlistStore {
  insert(e: WatchlistEntryRecord): Promise<void>;
  get(id: string): Promise<WatchlistEntryRecord | undefined>;
  delete(id: string): Promise<void>;
  list(f: WatchlistEntryFilter): Promise<{ rows: WatchlistEntryRecord[]; total: number }>;
  /** Entries for exactly this normalised plate that still match at `at`. */
  activeFor(plate: string, at: string): Promise<WatchlistEntryRecord[]>;
  insertHit(h: WatchlistHitRecord): Promise<void>;
  /** Time of the latest hit of an entry from a camera (null camera: manual checks). */
  lastHitAt(entryId: string, cameraId: string | null): Promise<string | undefined>;
  listHits(f: WatchlistHitFilter): Promise<{ rows: WatchlistHitRecord[]; total: number }>;
}
