export * from './approvers';
export * from './audit-record';
export * from './program-metrics';
