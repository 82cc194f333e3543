export * from './kit-schema';
