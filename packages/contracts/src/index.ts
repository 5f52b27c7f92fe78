export * from './errors.ts';
export * from './schemas/common.ts';
export * from './schemas/talks.ts';
export * from './schemas/agreements.ts';
export * from './schemas/sources.ts';
export * from './schemas/access.ts';
export * from './schemas/monitoring.ts';
export * from './client.ts';
