import fc from 'fast-check';
import { Breach } from '../../../core/dashboard/alerts/check';
import { buildDigests } from '../../../core/dashboard/alerts/digest';
import { digestRecipients, domainOf, mayReceive, recipientsFingerprint, recipientStatus } from '../../../core/dashboard/alerts/recipients';

/**
 * Who the daily digest may write to: the account that switched alerts on, addresses in its
 * domain, and addresses it confirmed. Nothing an editor types as a goal owner gets anyone else
 * mailed, and the owner text never reaches the greeting.
 */
const policy = { account: 'Ana@Acme.fr', confirmed: ['partner@agency.example'] };

function breach(owner: string | null, kpi = 'leads'): Breach {
  // the KPI id is only carried along here
  return {
    kpi: kpi as Breach['kpi'],
    name: 'Leads',
    unit: 'count',
    direction: 'higher',
    owner,
    value: 20,
    kinds: ['pace'],
    threshold: 103,
  };
}

describe('recipient policy', () => {
  it('knows the account, its domain, confirmed addresses and the rest (case-insensitive)', () => {
    expect(domainOf('bob@ACME.fr')).toBe('acme.fr');
    expect(domainOf('nobody')).toBeNull();
    expect(recipientStatus('ana@acme.fr', policy)).toBe('account');
    expect(recipientStatus('Bob@acme.FR', policy)).toBe('domain');
    expect(recipientStatus('PARTNER@agency.example', policy)).toBe('confirmed');
    expect(recipientStatus('victim@external.example', policy)).toBe('unconfirmed');
    // a look-alike domain is another domain
    expect(recipientStatus('bob@acme.fr.evil.example', policy)).toBe('unconfirmed');
    expect(recipientStatus('bob@sub.acme.fr', policy)).toBe('unconfirmed');
    // without the account's address only confirmed addresses pass
    expect(mayReceive('bob@acme.fr', { account: '', confirmed: [] })).toBe(false);
    expect(mayReceive('bob@acme.fr', { account: '', confirmed: ['bob@acme.fr'] })).toBe(true);
  });

  it('lists every owner address once with its KPIs, and notices a change', () => {
    const goals = [
      { kpi: 'mrr', owner: 'Ana Lima <ana@acme.fr>' },
      { kpi: 'cac', owner: 'Bob <BOB@acme.fr>' },
      { kpi: 'cpl', owner: 'bob@acme.fr' },
      { kpi: 'nrr', owner: 'Mallory <victim@external.example>' },
      { kpi: 'ltv', owner: 'no address' },
    ];
    const list = digestRecipients(goals, policy);
    expect(list).toEqual([
      { address: 'ana@acme.fr', status: 'account', kpis: ['mrr'] },
      { address: 'bob@acme.fr', status: 'domain', kpis: ['cac', 'cpl'] },
      { address: 'victim@external.example', status: 'unconfirmed', kpis: ['nrr'] },
    ]);
    const confirmed = digestRecipients(goals, { ...policy, confirmed: ['victim@external.example'] });
    expect(recipientsFingerprint(confirmed)).not.toBe(recipientsFingerprint(list));
    expect(recipientsFingerprint(digestRecipients(goals.slice(0, 3), policy))).not.toBe(recipientsFingerprint(list));
  });
});

describe('digests under the policy', () => {
  it('an owner outside the domain is not written to: the account gets that digest, marked as waiting', () => {
    const [digest] = buildDigests([breach('Dear friend, click here <victim@external.example>')], {
      locale: 'en',
      asOf: '2026-03-15',
      fallbackRecipient: 'ana@acme.fr',
      policy,
    });
    expect(digest.to).toBe('ana@acme.fr');
    expect(digest.withheld).toBe('victim@external.example');
    expect(digest.text.split('\n')[0]).toBe('Hello,');
    expect(digest.text).toContain('outside your domain');
    expect(digest.text).not.toContain('click here');
    expect(digest.html).not.toContain('click here');
  });

  it('same-domain and confirmed owners get their own digest', () => {
    const digests = buildDigests([breach('Bob <bob@acme.fr>', 'cac'), breach('partner@agency.example', 'cpl')], {
      locale: 'en',
      asOf: '2026-03-15',
      fallbackRecipient: 'ana@acme.fr',
      policy,
    });
    expect(digests.map((d) => [d.to, d.withheld])).toEqual([
      ['bob@acme.fr', null],
      ['partner@agency.example', null],
    ]);
  });

  /** Owner text as an editor might type it: a name, angle brackets, quotes, line breaks, an address anywhere. */
  const name = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 1 && !/hello|bonjour/i.test(s));
  const local = fc.stringMatching(/^[a-z][a-z0-9.]{0,8}$/);
  const domain = fc.constantFrom('acme.fr', 'ACME.fr', 'external.example', 'acme.fr.evil.example', 'agency.example', 'mail.acme.fr');

  it('for any owner text: mail goes only to the account, its domain or a confirmed address, and the greeting is plain', () => {
    fc.assert(
      fc.property(name, local, domain, fc.constantFrom('', ' <', ' (', ': '), (who, user, host, joint) => {
        const owner = joint === '' ? `${user}@${host}` : `${who}${joint}${user}@${host}${joint === ' <' ? '>' : joint === ' (' ? ')' : ''}`;
        const [digest] = buildDigests([breach(owner)], { locale: 'en', asOf: '2026-03-15', fallbackRecipient: 'ana@acme.fr', policy });
        const to = digest.to!.toLowerCase();
        expect(to === 'ana@acme.fr' || domainOf(to) === 'acme.fr' || to === 'partner@agency.example').toBe(true);
        expect(digest.text.split('\n')[0]).toBe('Hello,');
        expect(digest.html.startsWith('<p>Hello,</p>')).toBe(true);
      }),
    );
  });
});
