// Messages of feature pages, one file per feature exporting `{ vi, en }` (en must mirror vi's keys).
// Add one import and one spread line per feature.
import { en as checkpointsEn, vi as checkpointsVi } from './checkpoints';
import { en as videoEn, vi as videoVi } from './video';
import { en as casesEn, vi as casesVi } from './cases';
import { en as healthEn, vi as healthVi } from './health';
import { en as analyticsEn, vi as analyticsVi } from './analytics';
export const featureVi = { ...checkpointsVi, ...videoVi, ...casesVi, ...healthVi, ...analyticsVi } as const;
export const featureEn: Record<keyof typeof featureVi, string> = { ...checkpointsEn, ...videoEn, ...casesEn, ...healthEn, ...analyticsEn };
