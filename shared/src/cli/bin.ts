import { main } from './main';
import { nodeIo } from './node-io';

main(process.argv.slice(2), nodeIo).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`onbrand: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 3;
  },
);
