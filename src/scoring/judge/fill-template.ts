/** Replaces `{name}` placeholders in one pass, so that text filled in (a response with braces) is never read as a placeholder. */
export function fillTemplate(template: string, fields: Readonly<Record<string, string>>): string {
  return template.replace(/\{([a-z]+)\}/g, (placeholder, name: string) => fields[name] ?? placeholder);
}

/**
 * The judge's one user message: the sections given, then the response under judgement and the reply instruction.
 *
 * @example
 * judgeMessages(['Rate the answer.', 'Question: …'], { answer: 'Answer: {response}', reply: 'Reply with a score.' }, 'Tokyo')
 */
export function judgeMessages(sections: readonly string[], prompt: { answer: string; reply: string }, response: string): { role: 'user'; content: string }[] {
  return [{ role: 'user', content: [...sections, fillTemplate(prompt.answer, { response }), prompt.reply].join('\n\n') }];
}
