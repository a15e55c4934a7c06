# An independent numpy implementation of Wong & Wang's (2006) reduced decision model with the paper's
# parameters, the same Euler–Maruyama scheme and dt (0.1 ms), S1 = S2 = 0.1 at the stimulus's onset and a
# 15 Hz threshold: accuracy and mean reaction time of correct trials per coherence, 4000 trials each, to
# compare with neuro's `decisions` (different random numbers: agreement within sampling error).
#
# usage: python benchmarks/decisions/reference.py [TRIALS]
import sys

import numpy as np
# The paper's parameters (nA, Hz, s).
a, b, d, gamma, tau_s = 270.0, 108.0, 0.154, 0.641, 0.1
j_self, j_cross, i_0, j_ext, mu_0 = 0.2609, 0.0497, 0.3255, 5.2e-4, 30.0
sigma, tau_ampa, threshold, dt = 0.02, 0.002, 15.0, 1e-4


def rate(x):
    """The population rate (Hz) for a total input x (nA)."""
    u = a * x - b
    return u / (1 - np.exp(-d * u))


def run(coherence, n, seed):
    """n trials at once: the accuracy of decided trials, the mean reaction time of correct ones (s), the share decided."""
    rng = np.random.default_rng(seed)
    s1, s2 = np.full(n, 0.1), np.full(n, 0.1)
    noise1, noise2 = np.zeros(n), np.zeros(n)
    input1, input2 = j_ext * mu_0 * (1 + coherence / 100), j_ext * mu_0 * (1 - coherence / 100)
    choice, reaction = np.zeros(n, int), np.full(n, np.nan)
    for k in range(20000):  # at most 2 s
        r1 = rate(j_self * s1 - j_cross * s2 + i_0 + input1 + noise1)
        r2 = rate(j_self * s2 - j_cross * s1 + i_0 + input2 + noise2)
        new = (choice == 0) & ((r1 >= threshold) | (r2 >= threshold))
        choice[new] = np.where(r1[new] >= r2[new], 1, 2)
        reaction[new] = k * dt
        if (choice > 0).all():
            break
        s1 = np.clip(s1 + dt * (-s1 / tau_s + (1 - s1) * gamma * r1), 0, 1)
        s2 = np.clip(s2 + dt * (-s2 / tau_s + (1 - s2) * gamma * r2), 0, 1)
        noise1 += -noise1 * dt / tau_ampa + sigma * np.sqrt(dt / tau_ampa) * rng.standard_normal(n)
        noise2 += -noise2 * dt / tau_ampa + sigma * np.sqrt(dt / tau_ampa) * rng.standard_normal(n)
    decided, correct = choice > 0, choice == 1
    return correct[decided].mean(), np.nanmean(reaction[correct]), decided.mean()


trials = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
print("coherence accuracy reaction_time_s decided")
for c in [0, 3.2, 6.4, 12.8, 25.6, 51.2]:
    print(c, *[round(v, 3) for v in run(c, trials, 1)])
