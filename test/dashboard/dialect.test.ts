/** Open-ended ranges ('Ledger'!A2:A, Sheets syntax) closed for the hosts that have none. */
import { closeOpenRanges, renderFormula } from '../../core/dashboard/dialect';

describe('open-ended ranges', () => {
  const rows = (sheet: string) => ({ Ledger: 900, "O'Neil data": 50 })[sheet] ?? 2;
  it('closes each at its own sheet’s last row', () => {
    expect(closeOpenRanges("=NRR('Ledger'!A2:A,'Ledger'!B2:B,'Ledger'!C2:C,$L5)", rows)).toBe(
      "=NRR('Ledger'!A2:A900,'Ledger'!B2:B900,'Ledger'!C2:C900,$L5)",
    );
    expect(closeOpenRanges("=REVENUE_CHURN('O''Neil data'!A2:A,'O''Neil data'!B2:B)", rows)).toBe(
      "=REVENUE_CHURN('O''Neil data'!A2:A50,'O''Neil data'!B2:B50)",
    );
  });
  it('leaves closed ranges, whole columns and text alone', () => {
    const f = `=SUMIFS('Ledger'!C:C,'Ledger'!B:B,">="&$L5)+COUNTIFS('Ledger'!A2:A10,"'Ledger'!A2:A")`;
    expect(closeOpenRanges(f, rows)).toBe(f);
  });
  it('never closes a range above its first row', () => {
    expect(closeOpenRanges("=NRR('Empty'!A5:A)", rows)).toBe("=NRR('Empty'!A5:A5)");
  });
});

describe('a closed range whose end row is absolute', () => {
  it('is not taken for an open-ended one', () => {
    const f = "=SUM('Ledger'!A2:A$10)";
    expect(renderFormula(f, [], 'excel')).toBe(f);
    expect(closeOpenRanges(f, () => 900)).toBe(f);
  });
});
