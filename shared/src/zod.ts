// Every module takes zod from here, never from 'zod/mini' directly, so this configuration is in
// force before any schema runs:
// - jitless: Figma's sandbox and strict CSPs forbid code generation from strings;
// - English messages: zod/mini alone says only "Invalid input" (see zod-messages.ts).
//
// Import it as a namespace: `import * as z from '../zod'`. Re-exporting zod as one `z` object
// would defeat tree-shaking and ship every locale (about 430 KB minified instead of 16 KB).
import { config } from 'zod/mini';
import { englishMessages } from './zod-messages';

config({ jitless: true, localeError: englishMessages });

export * from 'zod/mini';
