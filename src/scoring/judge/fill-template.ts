/** Replaces `{name}` placeholders in one pass, so that text filled in (a response with braces) is never read as a placeholder. */
export function fillTemplate(template: string, fields: Readonly<Record<string, string>>): string {
  return template.replace(/\{([a-z]+)\}/g, (placeholder, name: string) => fields[name] ?? placeholder);
}
