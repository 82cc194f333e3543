export * from './chunks';
export * from './rotate';
