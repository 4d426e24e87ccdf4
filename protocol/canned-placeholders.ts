/**
 * Placeholders a canned response may hold, filled in as the agent inserts it:
 * "Hi {{customer.firstName}}, I'm {{agent.name}}."
 */
export const cannedPlaceholders = [
  'customer.name',
  'customer.firstName',
  'agent.name',
  'agent.firstName',
] as const;

export interface PlaceholderValues {
  customerName: string | null;
  agentName: string | null;
}

/** `{{name}}`, with the space before it if any (a placeholder without a value takes it along). */
const placeholder = /( ?)\{\{\s*([\w.]+)\s*\}\}/g;

/** The placeholders of `text` that are not one of `cannedPlaceholders`. */
export function unknownPlaceholders(text: string): string[] {
  const known: readonly string[] = cannedPlaceholders;
  return [...text.matchAll(placeholder)].map((m) => m[2]!).filter((name) => !known.includes(name));
}

/**
 * `text` with its placeholders filled. One without a value (an anonymous visitor's name)
 * goes, with the space before it: "Hi {{customer.firstName}}!" becomes "Hi!".
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  const firstName = (name: string | null) => name?.trim().split(/\s+/)[0] ?? null;
  const value: Record<string, string | null> = {
    'customer.name': values.customerName,
    'customer.firstName': firstName(values.customerName),
    'agent.name': values.agentName,
    'agent.firstName': firstName(values.agentName),
  };
  return text.replace(placeholder, (whole, space: string, name: string) => {
    const filled = value[name];
    if (filled === undefined) return whole;
    return filled ? space + filled : '';
  });
}
