/**
 * A message for the user in English, with the template and arguments it was made from, so a host
 * can show it translated (VS Code: l10n.t(template, ...args)) while the CLI prints `message`.
 */
export interface Message {
  message: string;
  template: string;
  args: string[];
}

export function message(template: string, ...args: Array<string | number>): Message {
  const strings = args.map(String);
  return { template, args: strings, message: template.replace(/\{(\d+)\}/g, (_, i: string) => strings[Number(i)] ?? '') };
}
