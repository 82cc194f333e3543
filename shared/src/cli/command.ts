/** What a command may touch: everything from outside comes through here, so tests pin it. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  /** Appends text to a file, making it when missing (the audit trail's JSON lines). */
  appendFile(path: string, text: string): Promise<void>;
  env: Readonly<Record<string, string | undefined>>;
}

/** One `onbrand` sub-command. `run` resolves with the exit code: 0 ok, 1 findings, 2 bad usage or input. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

/** Thrown for bad usage or bad input; main prints the message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
