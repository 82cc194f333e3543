export * from './kit-schema';
export * from './snapshot';
