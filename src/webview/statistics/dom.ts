/**
 * Building the view's DOM. Every text goes in as textContent or a property, never as markup:
 * corpus text (titles, metrics, subjects) is data here and can never become an element or script.
 */
type Props = Partial<Record<'className' | 'id' | 'title' | 'type' | 'placeholder' | 'value', string>> & { attrs?: Record<string, string> };

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  const { attrs, ...rest } = props;
  Object.assign(node, rest);
  for (const [name, value] of Object.entries(attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

/** "{0} of {1}" with its arguments. */
export function format(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}
