import { UsageError, type CliIo } from './command';

/**
 * Reads a file named on the command line ('-' is standard input), the one way every command reads
 * input. A byte-order mark, which Windows editors may save and JSON.parse refuses, is dropped; a file
 * that cannot be read is bad usage, named with its path.
 */
export async function readInput(io: CliIo, path: string, what: string): Promise<string> {
  let text: string;
  try {
    text = path === '-' ? await io.readStdin() : await io.readFile(path);
  } catch (error) {
    throw new UsageError(`cannot read the ${what} "${path}" (${(error as Error).message})`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
