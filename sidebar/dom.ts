/**
 * The sidebar's only DOM helper: builds elements from properties and children. Strings become
 * text nodes, never HTML, so a KPI name or an owner typed by someone is shown as typed.
 */
type Child = Node | string | number | null | undefined | false;

export interface Props {
  id?: string;
  className?: string;
  /** Attributes (aria-*, for, role, type...). */
  attrs?: Record<string, string | number | boolean | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (e: HTMLElementEventMap[K]) => void };
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.id) node.id = props.id;
  if (props.className) node.className = props.className;
  for (const [k, v] of Object.entries(props.attrs ?? {})) {
    if (v === undefined || v === false) continue;
    node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const [k, fn] of Object.entries(props.on ?? {})) node.addEventListener(k, fn as EventListener);
  append(node, children);
  return node;
}

export function append(node: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces an element's children (text stays text). */
export function replace(node: Node, ...children: Child[]): void {
  while (node.firstChild) node.removeChild(node.firstChild);
  append(node, children);
}

let counter = 0;
/** A page-unique id for label/for and aria-describedby pairs. */
/** A checkbox and its label: a bold title, then what it means (hint, status), the whole text clickable. */
export function checkboxChoice(box: HTMLInputElement, title: string, ...details: Child[]): HTMLDivElement {
  return el('div', { className: 'kp-choice' }, box, el('label', { attrs: { for: box.id } }, el('strong', {}, title), ...details));
}

export function uid(prefix: string): string {
  counter += 1;
  return 'kp-' + prefix + '-' + counter;
}

/** A <select> with options [value, label]; the chosen value selected. */
export function select(
  id: string,
  options: readonly (readonly [string, string])[],
  value: string,
  onChange: (v: string) => void,
): HTMLSelectElement {
  const s = el('select', { id, on: { change: () => onChange(s.value) } });
  for (const [v, label] of options) {
    const o = el('option', { attrs: { value: v } }, label);
    if (v === value) o.selected = true;
    s.appendChild(o);
  }
  return s;
}
