import { main } from './main';
import { nodeIo } from './node-io';

// A reader that stops early (`onbrand lint … | head -1`) closes the pipe; the rest of the output has
// nowhere to go, so the command ends quietly with the code it had, as other Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw error;
  });
}

main(process.argv.slice(2), nodeIo).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A defect, not bad input: say so plainly; the stack is for a bug report, shown on request.
    const detail = process.env.ONBRAND_DEBUG && error instanceof Error ? `\n${error.stack}` : '';
    process.stderr.write(
      `onbrand: unexpected error: ${error instanceof Error ? error.message : String(error)}\n` +
        `This is a defect in onbrand; please report it (see SECURITY.md). Set ONBRAND_DEBUG=1 for details.${detail}\n`,
    );
    process.exitCode = 3;
  },
);
