export * from './issues';

