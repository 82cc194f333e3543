export * from './issues';

export * from './once';
