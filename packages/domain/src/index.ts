export * from './shared/domain-error.ts';
export * from './identity/gb11643.ts';
export * from './auth/roles.ts';
export * from './auth/can.ts';
export * from './residents/key-populations.ts';
export * from './org/org-kinds.ts';
export * from './residents/duplicate-match.ts';
