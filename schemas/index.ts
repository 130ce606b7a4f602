// The shared schemas of Atensi Mobility, one file per domain.
export * from './common.ts';
export * from './auth.ts';
export * from './centres.ts';
export * from './users.ts';
export * from './beneficiaries.ts';
export * from './telemetry.ts';
