export * from './issues';
export { z } from './zod';
