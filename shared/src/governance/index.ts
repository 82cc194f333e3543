export * from './approvers';
export * from './audit-record';
