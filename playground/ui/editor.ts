import type { Locale } from '../../core/dashboard/i18n';
import { callAt, nameAt, referenceSlot } from '../engine/formula-text';
import { completions, findFunction, FunctionHelp, helpIn, signatureOf } from '../engine/function-catalog';
import { columnName, Rect, Selection } from './grid';
import { text } from './text';

/** Where an edit started: the cell that receives the formula, whatever sheet is shown meanwhile. */
export interface EditTarget {
  sheet: number;
  row: number;
  col: number;
}

export interface EditorHooks {
  /** The sheet shown in the grid now, and its name (for references to another sheet). */
  shownSheet(): { id: number; name: string };
  commit(target: EditTarget, content: string): void;
  /** The edit ended (committed or cancelled): back to the grid. */
  done(target: EditTarget, committed: boolean): void;
  highlight(r: Rect | undefined): void;
}

/**
 * The formula bar as the cell editor: autocomplete of every function with its signature and
 * help, the argument hint of the call the caret is in (meaning, default and allowed values from
 * the registry), and point-and-click references: while a reference may go at the caret, a click
 * on a cell inserts it and a drag makes it a range; clicking a sheet tab first points into that
 * sheet ('Deals'!B2:B40). Enter commits, Escape closes the list, then cancels the edit.
 */
export class FormulaEditor {
  private target: EditTarget | undefined;
  private original = '';
  /** What the bar shows of the selected cell when nothing is edited (restored on Escape). */
  private shown = '';
  private items: FunctionHelp[] = [];
  private active = 0;
  private replace: { start: number; end: number } | undefined;
  /** The reference the last click inserted: a drag or another click replaces it. */
  private pointed: { start: number; end: number } | undefined;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLUListElement,
    private readonly hint: HTMLElement,
    private readonly hooks: EditorHooks,
    private readonly locale: () => Locale,
  ) {
    input.addEventListener('input', () => {
      this.pointed = undefined;
      if (!this.target) this.begin(this.selectionTarget(), input.value, false);
      this.update();
    });
    input.addEventListener('click', () => this.update());
    input.addEventListener('keyup', (e) => {
      if (e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End') this.update();
    });
    input.addEventListener('keydown', (e) => this.onKey(e));
    list.addEventListener('mousedown', (e) => {
      e.preventDefault(); // keep focus in the input
      const li = (e.target as HTMLElement).closest('li');
      if (li) this.accept(Number(li.dataset.index));
    });
  }

  /** The cell the formula bar shows when nothing is being edited. */
  selectionTarget: () => EditTarget = () => ({ sheet: 0, row: 0, col: 0 });

  get editing(): boolean {
    return this.target !== undefined;
  }

  /** Starts editing a cell with some initial text (its formula on F2, the key typed otherwise). */
  begin(target: EditTarget, initial: string, focus = true): void {
    this.target = target;
    this.original = this.shown;
    this.input.value = initial;
    this.pointed = undefined;
    if (focus) {
      this.input.focus();
      this.input.setSelectionRange(initial.length, initial.length);
    }
    this.update();
  }

  /** Shows a cell's content when nothing is being edited. */
  show(content: string): void {
    if (this.target) return;
    this.shown = content;
    this.input.value = content;
    this.close();
  }

  /**
   * A click or drag on a cell while editing. Returns true when it became a reference in the
   * formula; otherwise a pending edit is committed and the grid selects the cell as usual.
   */
  point(cell: Selection, phase: 'down' | 'drag', anchor: Selection): boolean {
    if (!this.target) return false;
    const caret = this.input.selectionStart ?? this.input.value.length;
    const slot = referenceSlot(this.input.value, caret, this.pointed);
    if (!slot) {
      if (phase === 'down') this.finish(true);
      return false;
    }
    const shown = this.hooks.shownSheet();
    const r = {
      top: Math.min(anchor.row, cell.row),
      bottom: Math.max(anchor.row, cell.row),
      left: Math.min(anchor.col, cell.col),
      right: Math.max(anchor.col, cell.col),
    };
    const a1 = (row: number, col: number) => `${columnName(col)}${row + 1}`;
    let ref = a1(r.top, r.left) + (r.bottom > r.top || r.right > r.left ? `:${a1(r.bottom, r.right)}` : '');
    if (shown.id !== this.target.sheet) ref = `'${shown.name.replace(/'/g, "''")}'!${ref}`;
    const v = this.input.value;
    this.input.value = v.slice(0, slot.start) + ref + v.slice(slot.end);
    const end = slot.start + ref.length;
    this.pointed = { start: slot.start, end };
    this.input.focus();
    this.input.setSelectionRange(end, end);
    this.hooks.highlight(r);
    this.update(true);
    return true;
  }

  /** Ends the edit: commits the text (if it changed) or restores the cell. */
  finish(commit: boolean): void {
    const target = this.target;
    if (!target) return;
    this.target = undefined;
    this.pointed = undefined;
    this.close();
    this.hooks.highlight(undefined);
    if (commit) this.hooks.commit(target, this.input.value);
    else this.input.value = this.original;
    this.hooks.done(target, commit);
  }

  private onKey(e: KeyboardEvent): void {
    const open = !this.list.hidden && this.items.length > 0;
    if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : this.items.length - 1)) % this.items.length;
      this.renderList();
    } else if (open && (e.key === 'Enter' || e.key === 'Tab')) {
      e.preventDefault();
      this.accept(this.active);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (open) this.close();
      else this.finish(false);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!this.target) this.begin(this.selectionTarget(), this.input.value, false);
      this.finish(true);
    } else if (e.key === 'Tab' && this.target) {
      this.finish(true); // focus moves on as Tab does
    }
  }

  private accept(index: number): void {
    const fn = this.items[index];
    if (!fn || !this.replace) return;
    const v = this.input.value;
    const after = v.slice(this.replace.end);
    const insert = after.startsWith('(') ? fn.name : `${fn.name}(`;
    this.input.value = v.slice(0, this.replace.start) + insert + after;
    const caret = this.replace.start + insert.length + (after.startsWith('(') ? 1 : 0);
    this.input.setSelectionRange(caret, caret);
    this.update();
  }

  /** Recomputes the suggestion list and the argument hint for the caret. */
  private update(keepPointed = false): void {
    if (!keepPointed) this.hooks.highlight(undefined);
    const v = this.input.value;
    const caret = this.input.selectionStart ?? v.length;
    const typed = keepPointed ? undefined : nameAt(v, caret);
    // "C2" or "LOG1" may be a reference being typed: only names that start with it are offered
    const looksLikeReference = !!typed && /^\$?[A-Za-z]{1,3}\$?\d+$/.test(typed.prefix);
    this.items = !typed
      ? []
      : looksLikeReference
        ? completions(typed.prefix).filter((f) => f.name.startsWith(typed.prefix.toUpperCase()))
        : completions(typed.prefix);
    if (typed && this.items.length === 1 && this.items[0].name === typed.prefix.toUpperCase() && v[caret] === '(') this.items = [];
    this.replace = typed ? { start: typed.start, end: caret } : undefined;
    this.active = 0;
    this.renderList();
    this.renderHint(callAt(v, caret));
  }

  private close(): void {
    this.items = [];
    this.renderList();
    this.hint.replaceChildren();
  }

  private renderList(): void {
    const open = this.items.length > 0;
    this.list.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    this.list.replaceChildren(
      ...this.items.map((fn, i) => {
        const li = document.createElement('li');
        li.id = `suggestion-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', String(i === this.active));
        li.dataset.index = String(i);
        li.dataset.name = fn.name;
        const sig = document.createElement('span');
        sig.className = 'sig';
        sig.textContent = signatureOf(fn);
        const help = document.createElement('span');
        help.className = 'help';
        help.textContent = helpIn(fn, this.locale()).help;
        li.append(sig, help);
        return li;
      }),
    );
    if (open) {
      this.input.setAttribute('aria-activedescendant', `suggestion-${this.active}`);
      this.list.children[this.active]?.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }

  /** `KPI_BY(kpi, groups, ...)` with the current argument in bold, its meaning and allowed values. */
  private renderHint(call: { name: string; argIndex: number } | undefined): void {
    const found = call && !this.items.length ? findFunction(call.name) : undefined;
    if (!found || !call) {
      this.hint.replaceChildren();
      return;
    }
    const locale = this.locale();
    const fn = helpIn(found, locale);
    const code = document.createElement('code');
    code.append(`${fn.name}(`);
    const index = Math.min(call.argIndex, fn.params.length - 1);
    const current = fn.params[index]?.repeats || call.argIndex < fn.params.length ? index : -1;
    fn.params.forEach((p, i) => {
      if (i) code.append(', ');
      const label = (p.optional ? `[${p.name}]` : p.name) + (p.repeats ? '...' : '');
      if (i === current) {
        const b = document.createElement('span');
        b.className = 'current';
        b.textContent = label;
        code.append(b);
      } else code.append(label);
    });
    code.append(')');
    const parts: Node[] = [code];
    const param = fn.params[current];
    if (param) {
      const p = document.createElement('p');
      const name = `${param.name}${param.optional ? ` (${text(locale, 'optional')})` : ''}`;
      const bits = [param.description ? text(locale, 'argumentMeaning', { name, meaning: param.description }) : name];
      if (param.default !== undefined) bits.push(text(locale, 'defaultIs', { value: param.default }));
      p.textContent = bits.join('; ');
      parts.push(p);
      if (param.choices?.length) {
        const c = document.createElement('p');
        c.className = 'choices';
        c.textContent = text(locale, 'allowed', { values: param.choices.join(', ') });
        parts.push(c);
      }
    } else {
      const p = document.createElement('p');
      p.textContent = fn.help;
      parts.push(p);
    }
    this.hint.replaceChildren(...parts);
  }
}
