import type { VigilContext } from '../context';
import { watchlistOf } from './watchlist-routes';

/**
 * Demo watch-list: the plate the generated traffic scene's lead vehicle carries (51F-123.45) is
 * listed as wanted, so a fresh demo shows watch-list alerts from the analytics pipeline within a
 * minute; two more entries show the other categories.
 */
const ENTRIES = [
  { plate: '51F-123.45', category: 'wanted', reason: 'Xe liên quan vụ gây tai nạn rồi bỏ chạy (dữ liệu minh họa)' },
  { plate: '29-B1 999.99', category: 'stolen', reason: 'Xe máy báo mất trộm ngày 02/11 (dữ liệu minh họa)' },
  { plate: '14A-888.88', category: 'other', reason: 'Theo dõi theo yêu cầu của Đội CSGT (dữ liệu minh họa)' },
] as const;

export async function seedWatchlistDemo(ctx: VigilContext): Promise<void> {
  const system = await ctx.system();
  const svc = watchlistOf(ctx);
  for (const e of ENTRIES) await svc.add(system, { plate: e.plate, category: e.category, reason: e.reason });
}
