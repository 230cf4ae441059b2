export * from './common.ts';
export * from './auth.ts';
export * from './org.ts';
export * from './residents.ts';
export * from './audit.ts';
export * from './scheduling.ts';
export * from './referral.ts';
