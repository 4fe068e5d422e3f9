import type { WallLayout, WallLayoutBody } from '@vigil/types';
import type { Actor } from '../auth/permissions';
import { assertCan } from '../auth/permissions';
import { conflict, forbidden, notFound } from '../errors';
import type { Clock } from '../ports';
import { newId } from '../util/ids';
import type { LayoutStore } from './ports';

/** Saved video-wall layouts, each user's own. */
export class LayoutService {
  constructor(private readonly d: { store: LayoutStore; clock: Clock }) {}

  async list(actor: Actor): Promise<WallLayout[]> {
    assertCan(actor, 'video:view');
    return (await this.d.store.list(actor.id)).map((r) => ({ ...(JSON.parse(r.data) as WallLayoutBody), id: r.id, updatedAt: r.updatedAt }));
  }

  async save(actor: Actor, body: WallLayoutBody, id?: string): Promise<WallLayout> {
    assertCan(actor, 'video:view');
    const mine = await this.d.store.list(actor.id);
    if (id) {
      const existing = await this.d.store.get(id);
      if (!existing) throw notFound('layout', id);
      if (existing.userId !== actor.id) throw forbidden('layout belongs to another user');
    }
    if (mine.some((l) => l.name === body.name && l.id !== id)) throw conflict('name', `you already have a layout named "${body.name}"`);
    const rec = { id: id ?? newId(), userId: actor.id, name: body.name, data: JSON.stringify(body), updatedAt: this.d.clock.now().toISOString() };
    await this.d.store.upsert(rec);
    return { ...body, id: rec.id, updatedAt: rec.updatedAt };
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const existing = await this.d.store.get(id);
    if (!existing) throw notFound('layout', id);
    if (existing.userId !== actor.id) throw forbidden('layout belongs to another user');
    await this.d.store.delete(id);
  }
}
