import type { IconNode } from './index.js';

const NS = 'http://www.w3.org/2000/svg';

/** icon() for code that builds DOM without Lit (the image viewer): the same SVG, as an element. */
export function iconElement(node: IconNode): SVGSVGElement {
  const root = document.createElementNS(NS, 'svg');
  const attributes = {
    class: 'icon',
    viewBox: '0 0 24 24',
    width: '1em',
    height: '1em',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': 2,
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    'aria-hidden': 'true',
    focusable: 'false',
  };
  const set = (element: Element, values: Readonly<Record<string, string | number>>): void =>
    Object.entries(values).forEach(([name, value]) => element.setAttribute(name, String(value)));
  set(root, attributes);
  for (const [tag, values] of node) {
    const child = document.createElementNS(NS, tag);
    set(child, values);
    root.append(child);
  }
  return root;
}
