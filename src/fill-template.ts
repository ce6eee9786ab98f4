/**
 * Fills `{name}` placeholders of a message template. A placeholder without a value is left as
 * written, so a missing value shows in the text instead of vanishing.
 */
export function fillTemplate(template: string, vars: Readonly<Record<string, string | number | undefined>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (vars[name] === undefined ? whole : String(vars[name])));
}
