// Messages of feature pages, one file per feature exporting `{ vi, en }` (en must mirror vi's keys).
// Add one import and one spread line per feature.
export const featureVi = {} as const;
export const featureEn: Record<keyof typeof featureVi, string> = {};
