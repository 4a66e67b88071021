// dtplan command line: one module per command under ./commands, loaded on demand so
// `dtplan extract` never pays for the server's start-up.
export interface Command {
  /** One line for `dtplan --help`. */
  summary: string;
  /** Usage text for `dtplan COMMAND --help`. */
  usage: string;
  /** Runs the command and resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

const commands: Record<string, () => Promise<{ command: Command }>> = {
  serve: () => import("./commands/serve.ts"),
  migrate: () => import("./commands/migrate.ts"),
  demo: () => import("./commands/demo.ts"),
  "create-admin": () => import("./commands/create-admin.ts"),
  extract: () => import("./commands/extract.ts"),
  report: () => import("./commands/report.ts"),
  backup: () => import("./commands/backup.ts"),
  restore: () => import("./commands/restore.ts"),
  bench: () => import("./commands/bench.ts"),
};

async function printHelp(): Promise<void> {
  const lines = ["dtplan — kế hoạch chuyển đổi số", "", "Usage: dtplan COMMAND [options]", "", "Commands:"];
  for (const [name, load] of Object.entries(commands)) {
    try {
      const { command } = await load();
      lines.push(`  ${name.padEnd(13)} ${command.summary}`);
    } catch {
      // A command whose module is not there yet is simply not listed.
    }
  }
  lines.push("", "Run `dtplan COMMAND --help` for a command's options.");
  process.stdout.write(`${lines.join("\n")}\n`);
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    await printHelp();
    return name ? 0 : 1;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`dtplan: lệnh không tồn tại "${name}" (unknown command). Xem \`dtplan --help\`.\n`);
    return 2;
  }
  const { command } = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(rest);
}

/** `main` as the `dtplan` binary runs it: an unexpected error is one line on stderr and exit code 1. */
export async function runMain(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (error) {
    process.stderr.write(`dtplan: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
