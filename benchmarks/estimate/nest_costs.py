"""NEST's costs on this machine, for the constants of neuro's `estimate` (Sources/NeuroLang/Builtins/CostModel.swift).

Measures, with one process and one thread:
  * memory per neuron: resident memory after creating N iaf_psc_delta neurons, minus before, over N;
  * memory per synapse: resident memory after connecting them with a fixed in-degree K (static_synapse,
    one weight and delay), minus before, over N*K;
  * time per neuron-step: simulation time of the N neurons firing regularly (I_e) without synapses,
    over N * steps;
  * time per synaptic event: the extra simulation time with the K synapses (weight 0, so the same spikes),
    over spikes * K.
Usage: python nest_costs.py [N] [K] [T_ms]
"""
import sys
import time

import nest


def rss_bytes():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


N = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
K = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
T = float(sys.argv[3]) if len(sys.argv) > 3 else 200.0


def build(with_synapses):
    nest.ResetKernel()
    nest.set_verbosity("M_ERROR")
    nest.SetKernelStatus({"resolution": 0.1, "local_num_threads": 1, "rng_seed": 1})
    before = rss_bytes()
    # NEST's defaults (tau_m 10 ms, C_m 250 pF, threshold 15 mV above rest): the rheobase is 375 pA, and
    # I_e = 750 pA, twice it, fires at about 140 Hz (as neuro's calibration), from random starting voltages.
    neurons = nest.Create(
        "iaf_psc_delta", N, params={"I_e": 750.0, "V_m": nest.random.uniform(-70.0, -55.0)})
    after_neurons = rss_bytes()
    if with_synapses:
        nest.Connect(
            neurons, neurons, {"rule": "fixed_indegree", "indegree": K, "allow_multapses": False},
            {"synapse_model": "static_synapse", "weight": 0.0, "delay": 1.5})
    recorder = nest.Create("spike_recorder")
    nest.Connect(neurons, recorder)
    nest.Simulate(0.1)  # builds the connection infrastructure before the memory is read
    after_synapses = rss_bytes()
    started = time.perf_counter()
    nest.Simulate(T)
    elapsed = time.perf_counter() - started
    spikes = nest.GetStatus(recorder, "n_events")[0]
    return (after_neurons - before, after_synapses - after_neurons, elapsed, spikes)


neuron_bytes, _, bare, bare_spikes = build(False)
_, synapse_bytes, connected, spikes = build(True)
steps = T / 0.1
print(f"N = {N}, K = {K}, T = {T} ms, NEST {nest.__version__}")
print(f"memory per neuron: {neuron_bytes / N:.0f} bytes")
print(f"memory per synapse: {synapse_bytes / (N * K):.1f} bytes")
print(f"time per neuron-step: {bare / (N * steps) * 1e9:.1f} ns ({bare:.2f} s, {bare_spikes} spikes)")
print(f"time per synaptic event: {(connected - bare) / (spikes * K) * 1e9:.2f} ns ({connected:.2f} s, {spikes} spikes)")
