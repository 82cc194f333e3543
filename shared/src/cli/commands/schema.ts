import { kitJsonSchema } from '../../kit';
import type { Command } from '../command';

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Print the brand kit JSON Schema',
  usage: 'onbrand schema',
  async run(_argv, io) {
    io.stdout(JSON.stringify(kitJsonSchema(), null, 2) + '\n');
    return 0;
  },
};
