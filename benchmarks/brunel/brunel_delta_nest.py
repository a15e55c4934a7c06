# Brunel's (2000) sparse network of delta-synapse LIF neurons in NEST, as NEST's PyNEST example
# brunel_delta_nest.py builds it (written anew here): N_E excitatory and N_E/4 inhibitory iaf_psc_delta
# neurons, C_E = N_E/10 excitatory and C_I = C_E/4 inhibitory inputs each (fixed in-degree), J 0.1 mV,
# inhibition g times stronger, delay 1.5 ms, and one poisson_generator at C_E * eta * nu_thr connected to
# every neuron (NEST draws an independent train for each target). One thread, dt 0.1 ms.
#
# usage: python brunel_delta_nest.py [N_E] [g] [eta] [T_ms] [seed]
# prints one line: nest build_s … sim_s … rate_hz … cv … synchrony … spikes …
import sys
import time

import numpy as np
import nest

n_e = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
g = float(sys.argv[2]) if len(sys.argv) > 2 else 5.0
eta = float(sys.argv[3]) if len(sys.argv) > 3 else 2.0
t_sim = float(sys.argv[4]) if len(sys.argv) > 4 else 300.0
seed = int(sys.argv[5]) if len(sys.argv) > 5 else 1

n_i = n_e // 4
c_e, c_i = n_e // 10, n_e // 40
j_ex, delay, tau_m, theta = 0.1, 1.5, 20.0, 20.0
j_in = -g * j_ex
nu_thr = theta / (j_ex * c_e * tau_m)  # spikes per ms
p_rate = 1000.0 * eta * nu_thr * c_e  # Hz: all C_E external inputs of one neuron together

nest.verbosity = nest.VerbosityLevel.ERROR
nest.ResetKernel()
nest.SetKernelStatus({"resolution": 0.1, "local_num_threads": 1, "rng_seed": seed, "print_time": False})
started = time.perf_counter()
params = {"C_m": 1.0, "tau_m": tau_m, "t_ref": 2.0, "E_L": 0.0, "V_reset": 10.0, "V_m": 0.0, "V_th": theta}
exc = nest.Create("iaf_psc_delta", n_e, params=params)
inh = nest.Create("iaf_psc_delta", n_i, params=params)
noise = nest.Create("poisson_generator", params={"rate": p_rate})
recorder = nest.Create("spike_recorder")
nest.CopyModel("static_synapse", "excitatory", {"weight": j_ex, "delay": delay})
nest.CopyModel("static_synapse", "inhibitory", {"weight": j_in, "delay": delay})
everyone = exc + inh
nest.Connect(noise, everyone, syn_spec="excitatory")
nest.Connect(everyone, recorder)
nest.Connect(exc, everyone, {"rule": "fixed_indegree", "indegree": c_e}, "excitatory")
nest.Connect(inh, everyone, {"rule": "fixed_indegree", "indegree": c_i}, "inhibitory")
built = time.perf_counter()
nest.Simulate(t_sim)
done = time.perf_counter()

events = recorder.get("events")
senders = np.asarray(events["senders"]) - exc[0].global_id
times = np.asarray(events["times"])
rate = len(times) / (n_e + n_i) / (t_sim / 1000)
# CV of the interspike intervals of the first 1000 excitatory neurons (three spikes at least), their mean.
cvs = []
for n in range(min(1000, n_e)):
    isi = np.diff(np.sort(times[senders == n]))
    if len(isi) >= 2 and isi.mean() > 0:
        cvs.append(isi.std() / isi.mean())
# Golomb's synchrony of the same neurons in 2 ms bins over the whole run.
bins = np.arange(0, t_sim + 1e-9, 2.0)
chosen = senders < min(1000, n_e)
single = [np.histogram(times[senders == n], bins)[0].var() for n in range(min(1000, n_e))]
population = np.histogram(times[chosen], bins)[0] / min(1000, n_e)
sync = np.sqrt(population.var() / np.mean(single)) if np.mean(single) > 0 else float("nan")
print(
    f"nest build_s {built - started:.3f} sim_s {done - built:.3f} rate_hz {rate:.2f} "
    f"cv {np.mean(cvs) if cvs else float('nan'):.3f} synchrony {sync:.3f} spikes {len(times)}"
)
