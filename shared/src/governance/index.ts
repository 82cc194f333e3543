export * from './approvers';
export * from './audit-record';
export * from './ignored-findings';
export * from './problem-report';
export * from './team-approvers';
export * from './legacy-audit';
export * from './audit-schema';
export * from './program-metrics';
