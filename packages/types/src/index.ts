export * from './common';
export * from './config';
export * from './units';
export * from './users';
export * from './cameras';
export * from './audit';
export * from './video';
