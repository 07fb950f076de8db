/** Small helpers over XML parsed by htmlparser2 (names keep their prefix: w:p, dc:title). */
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type AnyNode, type Document, type Element } from 'domhandler';

export function parseXml(xml: string): Document {
  return parseDocument(xml, { xmlMode: true });
}

/** The element's child elements called `name`. */
export function children(el: Element | Document | undefined, name: string): Element[] {
  return (el?.children ?? []).filter((c): c is Element => isTag(c) && c.name === name);
}

export function child(el: Element | Document | undefined, name: string): Element | undefined {
  return children(el, name)[0];
}

/** The first element called `name` at any depth. */
export function find(node: AnyNode | undefined, name: string): Element | undefined {
  if (!node || !('children' in node)) return undefined;
  for (const c of node.children) {
    if (isTag(c) && c.name === name) return c;
    const found = find(c, name);
    if (found) return found;
  }
  return undefined;
}

export function attr(el: Element | undefined, name: string): string | undefined {
  return el?.attribs[name];
}

/** The text content of an element (for simple elements such as dc:title). */
export function textContent(node: AnyNode | undefined): string {
  if (!node) return '';
  if (isText(node)) return node.data;
  return 'children' in node ? node.children.map(textContent).join('') : '';
}
