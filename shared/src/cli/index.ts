export * from './command';
export { main, helpText } from './main';
