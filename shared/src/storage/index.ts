export * from './chunks';
