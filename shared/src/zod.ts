// Every module in the core takes `z` from here, never from 'zod/mini' directly,
// so the configuration below is always in force before a schema runs:
// - jitless: Figma's sandbox and strict CSPs forbid code generation from strings;
// - English messages: zod/mini alone says only "Invalid input".
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());
z.config({ jitless: true });

export { z };
