import type { z } from 'zod';

/**
 * `where: field: problem` for each issue of a failed schema parse (at most 10, then how many more).
 *
 * @example
 * issueLines(resultRowSchema.safeParse({}).error!, 'results.jsonl:3')[0] // 'results.jsonl:3: runId: Invalid input: …'
 */
export function issueLines(error: z.ZodError, where: string): string[] {
  const shown = error.issues.slice(0, 10).map((issue) => `${where}: ${issue.path.join('.') || '(row)'}: ${issue.message}`);
  if (error.issues.length > 10) shown.push(`… and ${error.issues.length - 10} more problems`);
  return shown;
}
