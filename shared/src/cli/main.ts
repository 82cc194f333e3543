import { UsageError, type CliIo, type Command } from './command';
import { commands } from './commands';

export function helpText(all: readonly Command[] = commands): string {
  const width = Math.max(...all.map((command) => command.name.length));
  const lines = all.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'onbrand: brand rules and on-brand drafting, headless.',
    '',
    'Usage: onbrand <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `onbrand <command> --help` for a command\'s options.',
    '',
  ].join('\n');
}

/** Runs one invocation and resolves with its exit code; it never calls process.exit. */
export async function main(argv: string[], io: CliIo, all: readonly Command[] = commands): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText(all));
    return 0;
  }
  const command = all.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`onbrand: unknown command "${name}".\n\n${helpText(all)}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`onbrand ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
