export * from './hex';
export * from './lab';
export * from './ciede2000';
export * from './contrast';
export * from './composite';
export * from './nearest';
