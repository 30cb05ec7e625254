#!/usr/bin/env python3
"""An independent reference for innosim's Sobol' estimators (tests/sweep/sensitivity_test.cpp).

Reads outputs of a Saltelli design (one value per line, rows A, B, AB^1 .. AB^k for each base
row) and k, and prints the first-order (Saltelli 2010, f(B) centred) and total (Jansen 1999)
indices, one
factor per line, written here from the published formulas with numpy, not from innosim's code.
Usage: sobol_reference.py OUTPUTS_FILE K
"""
import sys

import numpy as np

y = np.loadtxt(sys.argv[1])
k = int(sys.argv[2])
runs = y.reshape(-1, k + 2)
fa, fb, fab = runs[:, 0], runs[:, 1], runs[:, 2:]
both = np.concatenate([fa, fb])
variance = np.var(both)
for i in range(k):
    # Saltelli et al. (2010) with f(B) centred on the mean of f(A) and f(B).
    first = np.mean((fb - both.mean()) * (fab[:, i] - fa)) / variance
    total = 0.5 * np.mean((fa - fab[:, i]) ** 2) / variance
    print(f"{first:.17g} {total:.17g}")
