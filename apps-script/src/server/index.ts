export * from './endpoints';
export * from './sidebar';
export * from './menu';
export * from './url-fetch-transport';
export * from './secrets';
export * from './lock';
export * from './stored-json';
export * from './stored-kit';
