export * from './contract';
export * from './server';
export * from './client';
export * from './message-channel';
