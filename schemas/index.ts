// The shared schemas of Atensi Mobility, one file per domain.
export * from './common.ts';
export * from './auth.ts';
export * from './centres.ts';
export * from './users.ts';
export * from './beneficiaries.ts';
export * from './telemetry.ts';
export * from './requests.ts';
export * from './pathway-steps.ts';
export * from './sizing.ts';
export * from './follow-ups.ts';
export * from './devices.ts';
export * from './work-orders.ts';
export * from './account.ts';
export * from './password.ts';
export * from './home.ts';
