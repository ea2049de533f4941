import type { AlertsStatus } from '../../sidebar/bridge';
import { recipientsPanel, showRecipients } from '../../sidebar/digest-recipients';

/**
 * The sidebar's list of digest recipients, on a minimal stand-in for the DOM (what sidebar/dom.ts
 * calls: createElement, createTextNode, appendChild, setAttribute, addEventListener): what it
 * lists, when it is shown, and which confirmations it offers to whom.
 */
class FakeNode {
  readonly children: FakeNode[] = [];
  readonly attrs: Record<string, string> = {};
  readonly listeners: Record<string, (() => void)[]> = {};
  id = '';
  className = '';
  constructor(
    readonly tag: string,
    readonly text = '',
  ) {}
  appendChild(c: FakeNode) {
    this.children.push(c);
    return c;
  }
  setAttribute(k: string, v: string) {
    this.attrs[k] = v;
  }
  addEventListener(k: string, fn: () => void) {
    (this.listeners[k] ??= []).push(fn);
  }
  get textContent(): string {
    return this.text + this.children.map((c) => c.textContent).join('');
  }
  all(pred: (n: FakeNode) => boolean): FakeNode[] {
    return [...(pred(this) ? [this] : []), ...this.children.flatMap((c) => c.all(pred))];
  }
}

beforeAll(() => {
  (globalThis as { document?: unknown }).document = {
    createElement: (tag: string) => new FakeNode(tag),
    createTextNode: (text: string) => new FakeNode('#text', text),
  };
});
afterAll(() => delete (globalThis as { document?: unknown }).document);

const STATUS: AlertsStatus = {
  daily: true,
  dailyAvailable: true,
  breaches: [],
  recipients: [
    { address: 'bob@acme.fr', status: 'domain', kpis: ['cac', 'cpl'] },
    { address: 'victim@external.example', status: 'unconfirmed', kpis: ['nrr'] },
  ],
  recipientsChanged: true,
  canConfirmRecipients: true,
};

describe('digest recipients in the sidebar', () => {
  it('is shown on switching on and when the list changed, never while the digest is off', () => {
    expect(showRecipients(STATUS, false)).toBe(true);
    expect(showRecipients({ ...STATUS, recipientsChanged: false }, false)).toBe(false);
    expect(showRecipients({ ...STATUS, recipientsChanged: false }, true)).toBe(true);
    expect(showRecipients({ ...STATUS, daily: false }, true)).toBe(false);
    expect(showRecipients(null, true)).toBe(false);
  });

  it('lists each address with its KPIs and state, and offers the account to confirm the outside one', async () => {
    const confirmed: string[][] = [];
    const panel = recipientsPanel(STATUS, 'en', { confirm: async (a) => void confirmed.push(a) }) as unknown as FakeNode;
    const items = panel.all((n) => n.tag === 'li');
    expect(items.map((li) => li.attrs['data-address'])).toEqual(['bob@acme.fr', 'victim@external.example']);
    expect(items[0].textContent).toBe('bob@acme.fr (cac, cpl): your domain');
    expect(items[1].textContent).toContain(
      'victim@external.example (nrr): outside your domain: its digest comes to you until you confirm it',
    );
    expect(panel.textContent).toContain('The owners’ addresses changed since you last saw this list.');
    const buttons = panel.all((n) => n.tag === 'button');
    expect(buttons.map((b) => b.attrs['data-confirm'] ?? 'seen')).toEqual(['victim@external.example', 'seen']);
    buttons[0].listeners.click[0]();
    buttons[1].listeners.click[0]();
    await Promise.resolve();
    expect(confirmed).toEqual([['victim@external.example'], []]);
  });

  it('offers no confirmation to another editor, and says who must confirm', () => {
    const panel = recipientsPanel({ ...STATUS, canConfirmRecipients: false }, 'fr', {
      confirm: async () => undefined,
    }) as unknown as FakeNode;
    expect(panel.all((n) => n.tag === 'button')).toEqual([]);
    expect(panel.textContent).toContain('ce compte doit la confirmer');
  });
});
