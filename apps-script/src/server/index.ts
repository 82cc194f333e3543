export * from './endpoints';
export * from './sidebar';
export * from './menu';
