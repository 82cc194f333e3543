import type { Command } from '../command';
import { schemaCommand } from './schema';

/** Every sub-command, in the order `onbrand --help` lists them. */
export const commands: Command[] = [schemaCommand];
