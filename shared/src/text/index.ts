export * from './graphemes';
export * from './words';
export * from './lines';
export * from './skip-spans';
export * from './sentences';
export * from './readability';
export * from './case-fold';
export * from './blocks';
