"""Converged reference spike times from Brian2 for neuro's accuracy check (benchmarks/accuracy/run).

Each built-in model of neuro written out in Brian2 with neuro's parameters, run with fourth-order Runge-Kutta
at a step of 5 us (HH, Izhikevich, the conductance neuron's EPSP; AdEx by Euler at 1 us); prints one line per case:
`NAME t1 t2 ...` (spike times in ms). Usage: python3 converged_brian2.py [dt_us]
"""
import sys

from brian2 import (NeuronGroup, SpikeMonitor, StateMonitor, defaultclock, mV, ms, nA, pA, pF, nS, uF, mS, uA,
                    second, start_scope, run, prefs, exp)

prefs.codegen.target = "numpy"
dt_us = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0


def spikes(group, duration):
    monitor = SpikeMonitor(group)
    run(duration)
    return [float(t / ms) for t in monitor.t]


def report(name, times):
    print(name, " ".join("%.6f" % t for t in times), flush=True)


def hh(current):
    start_scope()
    defaultclock.dt = dt_us * 1e-3 * ms
    eqs = """
    dv/dt = (gNa*m**3*h*(ENa - v) + gK*n**4*(EK - v) + gL*(EL - v) + I) / C : volt
    dm/dt = alpham*(1 - m) - betam*m : 1
    dh/dt = alphah*(1 - h) - betah*h : 1
    dn/dt = alphan*(1 - n) - betan*n : 1
    alpham = 0.1/mV*(v/mV + 40)*mV / (1 - exp(-(v/mV + 40)/10)) / ms : Hz
    betam = 4*exp(-(v/mV + 65)/18) / ms : Hz
    alphah = 0.07*exp(-(v/mV + 65)/20) / ms : Hz
    betah = 1/(1 + exp(-(v/mV + 35)/10)) / ms : Hz
    alphan = 0.01/mV*(v/mV + 55)*mV / (1 - exp(-(v/mV + 55)/10)) / ms : Hz
    betan = 0.125*exp(-(v/mV + 65)/80) / ms : Hz
    I = I0 * int(t >= 10*ms) : amp
    I0 : amp
    """
    ns = dict(gNa=120 * mS, gK=36 * mS, gL=0.3 * mS, ENa=50 * mV, EK=-77 * mV, EL=-54.387 * mV, C=1 * uF)
    g = NeuronGroup(1, eqs, threshold="v > 0*mV", refractory="v > 0*mV", method="rk4", namespace=ns)
    g.v = -65 * mV
    vm = -65.0
    am = 0.1 * (vm + 40) / (1 - __import__("math").exp(-(vm + 40) / 10))
    bm = 4 * __import__("math").exp(-(vm + 65) / 18)
    ah = 0.07 * __import__("math").exp(-(vm + 65) / 20)
    bh = 1 / (1 + __import__("math").exp(-(vm + 35) / 10))
    an = 0.01 * (vm + 55) / (1 - __import__("math").exp(-(vm + 55) / 10))
    bn = 0.125 * __import__("math").exp(-(vm + 65) / 80)
    g.m, g.h, g.n = am / (am + bm), ah / (ah + bh), an / (an + bn)
    g.I0 = current
    return spikes(g, 210 * ms)


def adex(C, gL, EL, VT, DeltaT, tauw, a, b, Vr, current, duration=510 * ms):
    """AdEx by forward Euler at 1 us: fourth-order steps overflow in the exponential's blow-up before v_peak."""
    start_scope()
    defaultclock.dt = 1e-3 * ms
    eqs = """
    dv/dt = (gL*(EL - v) + gL*DeltaT*exp((v - VT)/DeltaT) - w + I) / C : volt
    dw/dt = (a*(v - EL) - w) / tauw : amp
    I = I0 * int(t >= 10*ms) : amp
    I0 : amp
    """
    ns = dict(C=C * pF, gL=gL * nS, EL=EL * mV, VT=VT * mV, DeltaT=DeltaT * mV, tauw=tauw * ms, a=a * nS)
    g = NeuronGroup(1, eqs, threshold="v > 0*mV", reset="v = %g*mV; w += %g*pA" % (Vr, b), method="euler",
                    namespace=ns)
    g.v = EL * mV
    g.I0 = current * pA
    return spikes(g, duration)


def izhikevich(a, b, c, d, current):
    start_scope()
    defaultclock.dt = dt_us * 1e-3 * ms
    eqs = """
    dv/dt = (0.04*v**2/mV + 5*v + 140*mV - u + I*Mohm) / ms : volt
    du/dt = a*(b*v - u) / ms : volt
    I = I0 * int(t >= 10*ms) : amp
    I0 : amp
    """
    from brian2 import Mohm
    g = NeuronGroup(1, eqs, threshold="v >= 30*mV", reset="v = %g*mV; u += %g*mV" % (c, d), method="rk4",
                    namespace=dict(a=a, b=b, Mohm=Mohm))
    g.v = -65 * mV
    g.u = b * -65 * mV
    g.I0 = current * nA
    return spikes(g, 310 * ms)


def epsp():
    """The conductance neuron's EPSP peak (cond(), 5 nS at 20 ms) above the potential before it."""
    start_scope()
    defaultclock.dt = dt_us * 1e-3 * ms
    eqs = """
    dv/dt = (gl*(El - v) + ge*(Ee - v)) / C : volt
    dge/dt = -ge / taue : siemens
    """
    g = NeuronGroup(1, eqs, method="rk4",
                    namespace=dict(gl=100 * nS, El=-70 * mV, Ee=0 * mV, C=1000 * pF, taue=5 * ms))
    g.v = -70 * mV
    m = StateMonitor(g, "v", record=0)
    run(20 * ms)
    g.ge = 5 * nS
    run(80 * ms)
    return float((max(m.v[0]) + 70 * mV) / mV)


if __name__ == "__main__":
    report("hh-10uA", hh(10 * uA))
    report("hh-20uA", hh(20 * uA))
    for name, args in [("tonic", (200, 10, -70, -50, 2, 30, 2, 0, -58, 500)),
                       ("adapting", (200, 12, -70, -50, 2, 300, 2, 60, -58, 500)),
                       ("initial_burst", (130, 18, -58, -50, 2, 150, 4, 120, -50, 400)),
                       ("regular_bursting", (200, 10, -58, -50, 2, 120, 2, 100, -46, 210)),
                       ("delayed", (200, 12, -70, -50, 2, 300, -10, 0, -58, 300)),
                       ("transient", (100, 10, -65, -50, 2, 90, 10, 100, -47, 180))]:
        report("adex-" + name, adex(*args))
    for name, args in [("regular_spiking", (0.02, 0.2, -65, 8)), ("chattering", (0.02, 0.2, -50, 2)),
                       ("fast_spiking", (0.1, 0.2, -65, 2))]:
        report("izhikevich-" + name, izhikevich(*args, current=10))
    print("epsp %.6f" % epsp())
