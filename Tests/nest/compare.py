"""Compares neuro's own runs with runs through NEST (make test-nest, scripts/test-nest).

    compare.py spikes NATIVE.txt NEST.txt      single neurons: spike times within one step
    compare.py network NATIVE.txt NEST.txt     networks over seeds: mean rate within 5 %, mean CV within 0.05
"""
import sys


def read(path):
    rows = {}
    with open(path) as f:
        for line in f:
            words = line.split()
            if len(words) == 2:
                try:
                    rows.setdefault(words[0], []).append(float(words[1]))
                except ValueError:
                    pass
    return rows


def spikes(native, nest):
    ok = True
    step = 0.1 + 1e-9
    exact = ["n", "m", "a", "c", "e", "z", "r", "s"]  # currents (also ramp, sine), delta synapses, inputs, izhikevich
    one_step = ["b"]                       # exponential synapse without delay: NEST's shortest delay is a step
    for name in exact + one_step:
        a, b = native.get(name, []), nest.get(name, [])
        limit = 1e-9 if name in exact else step
        worst = max((abs(x - y) for x, y in zip(a, b)), default=0.0)
        good = len(a) == len(b) and len(a) > 0 and worst <= limit
        print("%-2s %3d spikes in neuro, %3d in NEST, largest difference %.3g ms  %s"
              % (name, len(a), len(b), worst, "ok" if good else "FAIL"))
        ok = ok and good
    # Conductance synapses: neuro holds g over a step (exponential Euler), NEST integrates it (RKF45).
    a, b = native.get("d", []), nest.get("d", [])
    good = bool(a) and bool(b) and abs(a[0] - b[0]) <= step and abs(len(a) - len(b)) <= 0.05 * len(a)
    print("d  %3d spikes in neuro, %3d in NEST (conductance synapse), first %.1f / %.1f ms  %s"
          % (len(a), len(b), a[0] if a else -1, b[0] if b else -1, "ok" if good else "FAIL"))
    return ok and good


def network(native, nest):
    rates, cvs = (native["rate"], nest["rate"]), (native["cv"], nest["cv"])
    mean = lambda xs: sum(xs) / len(xs)
    rate_gap = abs(mean(rates[1]) / mean(rates[0]) - 1)
    cv_gap = abs(mean(cvs[1]) - mean(cvs[0]))
    print("  seeds %d: rate neuro %.3f Hz, NEST %.3f Hz (%.1f %%); CV neuro %.3f, NEST %.3f (%.3f)"
          % (len(rates[0]), mean(rates[0]), mean(rates[1]), 100 * rate_gap, mean(cvs[0]), mean(cvs[1]), cv_gap))
    print("  per seed, rate neuro/NEST: " + ", ".join("%.2f/%.2f" % p for p in zip(*rates)))
    print("  per seed, CV neuro/NEST:   " + ", ".join("%.3f/%.3f" % p for p in zip(*cvs)))
    return len(rates[0]) >= 4 and len(rates[0]) == len(rates[1]) and rate_gap <= 0.05 and cv_gap <= 0.05


if __name__ == "__main__":
    kind, native, nest = sys.argv[1], read(sys.argv[2]), read(sys.argv[3])
    sys.exit(0 if (spikes if kind == "spikes" else network)(native, nest) else 1)
