export async function main(argv: readonly string[]): Promise<number> {
  process.stdout.write(`flitmap: not yet implemented (${argv.slice(2).join(" ")})\n`);
  return 2;
}
