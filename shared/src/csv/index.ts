export * from './parse';
export * from './write';
export * from './records';
