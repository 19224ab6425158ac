/** What a command may touch of the outside world; tests give their own. */
export interface CommandContext {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly version: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether standard output is a terminal (progress bars) or a log (plain lines). */
  readonly interactive: boolean;
}
