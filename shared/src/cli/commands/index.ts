import type { Command } from '../command';
import { draftCommand } from './draft';
import { schemaCommand } from './schema';
import { scoreCommand } from './score';
import { statsCommand } from './stats';

/** Every sub-command, in the order `onbrand --help` lists them. */
export const commands: Command[] = [draftCommand, statsCommand, scoreCommand, schemaCommand];
