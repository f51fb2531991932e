import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';

/** Writes knowledge MCQ items as JSONL. `answerMarker(index)` picks the letter the test server will answer. */
export function writeMcqDataset(path: string, count: number, options: { marker?: (index: number) => string } = {}): void {
  const countries = ['JP', 'CN', 'IN', 'EG', 'BR', 'DE'];
  const lines: string[] = [];
  for (let index = 0; index < count; index++) {
    lines.push(
      JSON.stringify({
        id: `q${String(index).padStart(4, '0')}`,
        kind: 'knowledge',
        prompt: `Question ${index} about customs. ${options.marker?.(index) ?? ''}`.trim(),
        choices: ['first option', 'second option', 'third option', 'fourth option'],
        answer: 'ABCD'[index % 4],
        language: 'en',
        country: countries[index % countries.length],
        category: index % 2 === 0 ? 'etiquette' : 'food',
      }),
    );
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** Reads results.jsonl without the fields that legitimately differ between two runs of the same plan. */
export function comparableResults(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const { latencyMs, cached, completedAt, attempts, runId, ...rest } = JSON.parse(line) as Record<string, unknown>;
      void [latencyMs, cached, completedAt, attempts, runId];
      return rest;
    });
}

/** Runs the CLI from source in a child process. */
export function spawnCli(args: string[], options: { cwd?: string } = {}): ChildProcess {
  return spawn(process.execPath, ['--import', import.meta.resolve('tsx'), new URL('../../src/cli/main.ts', import.meta.url).pathname, ...args], {
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_LLAMA_CPP_SKIP_DOWNLOAD: 'true' },
  });
}

export async function runCli(args: string[], options: { cwd?: string } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnCli(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}
