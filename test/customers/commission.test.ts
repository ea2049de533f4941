import fc from 'fast-check';
import { commission, CommissionPlan } from '../../core/customers/commission';

const plan = (method: 'marginal' | 'retroactive', cap?: number): CommissionPlan => ({
  quota: 200000,
  tierStarts: [0, 0.5, 1],
  tierRates: [0.02, 0.05, 0.08],
  method,
  cap,
});

describe('COMMISSION, hand-worked plans (quota 200,000; tiers 0 / 50% / 100% at 2% / 5% / 8%)', () => {
  it('retroactive: 220,000 reaches the 8% tier and pays 220,000 × 8% = 17,600', () => {
    expect(commission(220000, plan('retroactive'))).toEqual({ payout: 17600, attainment: 1.1, tier: 2, rate: 0.08, capped: false });
  });
  it('marginal: 100,000 × 2% + 100,000 × 5% + 20,000 × 8% = 2,000 + 5,000 + 1,600 = 8,600', () => {
    expect(commission(220000, plan('marginal')).payout).toBeCloseTo(8600, 9);
  });
  it('decelerator below 50%: 80,000 pays 2% either way (1,600)', () => {
    expect(commission(80000, plan('marginal')).payout).toBeCloseTo(1600, 9);
    expect(commission(80000, plan('retroactive')).payout).toBeCloseTo(1600, 9);
  });
  it('tier boundaries are reached at exactly their start: 100,000 is in the 5% tier, 200,000 in the 8% tier', () => {
    expect(commission(100000, plan('retroactive')).payout).toBeCloseTo(5000, 9);
    expect(commission(200000, plan('retroactive')).payout).toBeCloseTo(16000, 9);
    expect(commission(199999.99, plan('retroactive')).tier).toBe(1);
    // marginal at 200,000: 2,000 + 5,000 = 7,000 (nothing above quota yet)
    expect(commission(200000, plan('marginal')).payout).toBeCloseTo(7000, 9);
  });
  it('caps: retroactive 300,000 would pay 24,000, capped at 20,000; marginal 16,600 stays under', () => {
    expect(commission(300000, plan('retroactive', 20000))).toEqual({ payout: 20000, attainment: 1.5, tier: 2, rate: 0.08, capped: true });
    // 2,000 + 5,000 + 100,000 × 8% = 15,000
    expect(commission(300000, plan('marginal', 20000)).payout).toBeCloseTo(15000, 9);
  });
  it('zero amount pays 0, one flat tier is a flat rate', () => {
    expect(commission(0, plan('marginal')).payout).toBe(0);
    expect(commission(12345, { quota: 1000, tierStarts: [0], tierRates: [0.1], method: 'marginal' }).payout).toBeCloseTo(1234.5, 9);
  });
  it('with rising rates, retroactive pays at least marginal, and marginal is continuous and non-decreasing (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const m = (v: number) => commission(v, plan('marginal')).payout;
        return commission(lo, plan('retroactive')).payout >= m(lo) - 1e-9 && m(hi) >= m(lo) - 1e-9 && m(lo + 1) - m(lo) <= 0.08 + 1e-9;
      }),
    );
  });
});

describe('COMMISSION bad plans', () => {
  const bad =
    (p: Partial<CommissionPlan>, amount = 1000) =>
    () =>
      commission(amount, { ...plan('marginal'), ...p });
  it('tiers must start at 0 and ascend', () => {
    expect(bad({ tierStarts: [0.1, 0.5, 1] })).toThrow(/first tier must start at 0/);
    expect(bad({ tierStarts: [0, 1, 0.5] })).toThrow(/must ascend from 0: tier 3 starts at 0.5/);
    expect(bad({ tierStarts: [0, 0.5, 0.5] })).toThrow(/must ascend/);
  });
  it('rates and tiers must have the same size', () => expect(bad({ tierRates: [0.02, 0.05] })).toThrow(/3 tiers but tier_rates has 2/));
  it('rejects a non-positive quota, negative rates, a negative cap and a negative amount', () => {
    expect(bad({ quota: 0 })).toThrow(/quota must be a positive number/);
    expect(bad({ tierRates: [0.02, -0.05, 0.08] })).toThrow(/tier 2's rate -0.05/);
    expect(bad({ cap: -1 })).toThrow(/cap must be 0 or more/);
    expect(bad({}, -5)).toThrow(/amount must be 0 or more/);
    expect(bad({ tierStarts: [], tierRates: [] })).toThrow(/at least one tier/);
  });
});
