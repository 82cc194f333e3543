import type { Command } from '../command';
import { checkCommand } from './check';
import { draftCommand } from './draft';
import { importValeCommand } from './import-vale';
import { lintCommand } from './lint';
import { resizeCommand } from './resize';
import { schemaCommand } from './schema';
import { scoreCommand } from './score';
import { statsCommand } from './stats';

/** Every sub-command, in the order `onbrand --help` lists them. */
export const commands: Command[] = [
  lintCommand,
  checkCommand,
  draftCommand,
  resizeCommand,
  statsCommand,
  scoreCommand,
  importValeCommand,
  schemaCommand,
];
