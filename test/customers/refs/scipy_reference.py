"""Independent reference values for the customer-model tests and examples, computed with SciPy
(scipy.special.gammaln/betaln/hyp2f1 and scipy.optimize), not with the TypeScript under test.

Run: python3 test/customers/refs/scipy_reference.py  (needs numpy, scipy and mpmath; not part of CI).
The printed values are pasted into test/customers/*.test.ts and core/functions/customers.ts examples.
"""
import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln, gammaln, hyp2f1


def bgnbd_nll(t, x, tx, T):
    r, al, a, b = np.exp(t)
    A1 = gammaln(r + x) - gammaln(r) + r * np.log(al)
    A2 = betaln(a, b + x) - betaln(a, b) - (r + x) * np.log(al + T)
    A3 = np.where(x > 0, betaln(a + 1, np.maximum(b + x - 1, 1e-300)) - betaln(a, b) - (r + x) * np.log(al + tx), -np.inf)
    return -np.sum(A1 + np.logaddexp(A2, A3))


def gg_nll(t, x, m):
    p, q, v = np.exp(t)
    return -np.sum(gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(v) + (p * x - 1) * np.log(m)
                   + p * x * np.log(x) - (p * x + q) * np.log(v + x * m))


def fit(nll, starts, *data):
    best = None
    for s in starts:
        r = minimize(nll, s, args=data, method='Nelder-Mead', options=dict(xatol=1e-12, fatol=1e-14, maxiter=40000, maxfev=40000))
        r = minimize(nll, r.x, args=data, method='BFGS', options=dict(gtol=1e-11))
        if best is None or r.fun < best.fun:
            best = r
    return np.exp(best.x), -best.fun


np.set_printoptions(precision=17)
# BGNBD_FIT example (10 customers).
x = np.array([3, 2, 1, 0, 0, 1, 1, 0, 1, 0.]); tx = np.array([7, 2, 1, 0, 0, 5, 4, 0, 7, 0.]); T = np.array([8, 6, 10, 6, 10, 11, 11, 10, 7, 7.])
print('BGNBD example', *fit(bgnbd_nll, [[0, 0, 0, 0], [-1, 1, 0, 1], [1, 2, -1, 2]], x, tx, T))
# GG_FIT example (6 repeat customers).
x = np.array([2, 1, 2, 2, 3, 3.]); m = np.array([40, 15, 50, 35, 15, 20.])
print('GG example', *fit(gg_nll, [[0, 0, 0], [1, 1, 2], [2, 2, 3]], x, m))
# CDNOW BG/NBD fit and E[X(t)] at the fitted parameters (Fader, Hardie & Lee 2005).
d = np.loadtxt('test/fixtures/cdnow/cdnow_customers_summary.csv', delimiter=',', skiprows=1)
(r, al, a, b), ll = fit(bgnbd_nll, [[0, 0, 0, 0], [-1, 1, 0, 1]], d[:, 1], d[:, 2], d[:, 3])
print('CDNOW BG/NBD', r, al, a, b, ll)
E = lambda t: (a + b - 1) / (a - 1) * (1 - (al / (al + t)) ** r * hyp2f1(r, b, a + b - 1, t / (al + t)))
print('E[X(t)]', [E(t) for t in [0.1429, 1, 3, 31.8571, 32, 78]])

# Log-likelihood of the CDNOW summary at the paper's rounded parameters.
print('CDNOW LL at paper params', -bgnbd_nll(np.log([0.243, 4.414, 0.793, 2.426]), d[:, 1], d[:, 2], d[:, 3]))
# Conditional expectation (eq. 10) and P(alive) (eq. 11) for x=2, t_x=30.43, T=38.86, t=39.
r, al, a, b = 0.243, 4.414, 0.793, 2.426
x, tx, T, t = 2, 30.43, 38.86, 39
alive = 1 / (1 + a / (b + x - 1) * ((al + T) / (al + tx)) ** (r + x))
z = t / (al + T + t)
cond = (a + b + x - 1) / (a - 1) * (1 - ((al + T) / (al + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z)) * alive
print('P(alive), E[Y(39)]', alive, cond)
# A long horizon and a heavy buyer, for the transformation branches.
for (x, tx, T, t) in [(0, 0, 38.86, 500), (15, 37.5, 38.86, 2000), (40, 30, 38.86, 10)]:
    alive = 1 if x == 0 else 1 / (1 + a / (b + x - 1) * ((al + T) / (al + tx)) ** (r + x))
    z = t / (al + T + t)
    print('E[Y]', x, tx, T, t, (a + b + x - 1) / (a - 1) * (1 - ((al + T) / (al + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z)) * alive)

# Extreme buyers and horizons at 40 digits (mpmath), for the transformation branches.
import mpmath as mp
mp.mp.dps = 40
r, al, a, b = 0.243, 4.414, 0.793, 2.426
for (x, tx, T, t) in [(500, 99, 100, 1000), (500, 99, 100, 10), (200, 50, 52, 5200), (3, 10, 52, 1e6), (0, 0, 52, 1e7)]:
    alive = 1 if x == 0 else 1 / (1 + mp.mpf(a) / (b + x - 1) * ((al + T) / mp.mpf(al + tx)) ** (r + x))
    z = mp.mpf(t) / (al + T + t)
    print('mpmath E[Y]', x, tx, T, t, (a + b + x - 1) / (a - 1) * (1 - ((al + T) / mp.mpf(al + T + t)) ** (r + x) * mp.hyp2f1(r + x, b + x, a + b + x - 1, z)) * alive)
