#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroEngine

/// What a network of LIF neurons would cost before it is built: spikes and synaptic events, memory in neuro
/// and in NEST, wall time in neuro (from this machine's calibration) and in NEST (from constants measured
/// with NEST 3.10 on one core of this machine).
struct CostModel: Sendable, Equatable {
  var neurons: Double
  var synapses: Double
  /// The mean firing rate (Hz).
  var rate: Double
  /// The simulated time (s).
  var duration: Double
  /// The time step (s).
  var dt: Double
  /// NEST's MPI processes.
  var processes: Double

  // neuro's memory, as the engine stores a LIF network with one weight and one delay for all synapses.
  /// A synapse is its target's index, a 4-byte integer, in its presynaptic neuron's row
  /// (`Projection.targets`; drawn weights add 4 bytes, drawn delays 2, STDP 16 to 24).
  static let neuroBytesPerSynapse = 4.0
  /// A neuron: v, the step of its last spike, its input and one synaptic channel (8-byte doubles and
  /// integers, `LIFGroup`, `Simulation.run`), and the start of its row of synapses (`Projection.rowStart`).
  static let neuroBytesPerNeuron = 40.0

  // NEST 3.10's costs, measured on this machine (2-core Xeon VM, nothing else running, one process, one thread)
  // by `benchmarks/estimate/nest_costs.py 10000 1000 100`: 10 000 iaf_psc_delta neurons firing at 111 Hz,
  // a fixed in-degree of 1000 (10 million static synapses), 100 ms at 0.1 ms. It printed 4417 bytes a neuron,
  // 40.3 a synapse, 23.2 ns a neuron-step, 36.4 ns a synaptic event. (The anchors agree: CUBA 4000 took
  // 35 ns a neuron-step in iaf_psc_exp; Brunel's network at 12 500 neurons, 9.4-21 s, 33-80 ns an event.)
  /// Resident memory per synapse (static_synapse: weight, delay, target and NEST's connection tables).
  static let nestBytesPerSynapse = 40.0
  /// Resident memory per neuron (the node, its buffers and its place in NEST's tables).
  static let nestBytesPerNeuron = 4400.0
  /// Resident memory of one process before any neuron: Python with PyNEST imported, the kernel reset
  /// (81.9 MB measured from /proc/self/status).
  static let nestBytesPerProcess = 82e6
  /// Wall time per neuron-step (iaf_psc_delta, its spikes recorded, no synapses).
  static let nestSecondsPerNeuronStep = 23e-9
  /// Wall time per spike delivered through one synapse.
  static let nestSecondsPerEvent = 36e-9

  /// Spikes fired over the duration: every neuron at the mean rate.
  var spikes: Double { neurons * rate * duration }
  /// Spikes delivered through synapses over the duration: every synapse's source fires at the mean rate.
  var events: Double { synapses * rate * duration }
  /// Neuron-steps over the duration.
  var neuronSteps: Double { neurons * (duration / dt).rounded(.up) }
  /// Synapses per neuron.
  var inDegree: Double { neurons > 0 ? synapses / neurons : 0 }

  /// Bytes neuro holds for the network itself (neurons and synapses).
  var neuroMemory: Double { neurons * Self.neuroBytesPerNeuron + synapses * Self.neuroBytesPerSynapse }
  /// Bytes neuro keeps for the spikes it records over the duration (a step, a neuron index, the place in the step).
  var spikeMemory: Double { spikes * Double(Simulation.bytesPerRecordedSpike) }
  /// Wall time in neuro for the duration, at the costs `calibration` measured.
  func neuroTime(_ calibration: CostCalibration) -> Double {
    neuronSteps * calibration.secondsPerNeuronStep + events * calibration.secondsPerEvent
  }

  /// Bytes all of NEST's processes hold together: the network spread over them, and each one's own base.
  var nestMemory: Double {
    neurons * Self.nestBytesPerNeuron + synapses * Self.nestBytesPerSynapse + processes * Self.nestBytesPerProcess
  }
  /// Wall time in NEST for the duration, its work divided evenly among the processes (ideal scaling).
  var nestTime: Double {
    (neuronSteps * Self.nestSecondsPerNeuronStep + events * Self.nestSecondsPerEvent) / processes
  }

  /// How many neurons with the same synapses each (and spikes recorded over the same duration) fit in `bytes`.
  func neuronsFitting(in bytes: Double) -> Double {
    let perNeuron =
      Self.neuroBytesPerNeuron + inDegree * Self.neuroBytesPerSynapse + rate * duration
      * Double(Simulation.bytesPerRecordedSpike)
    return (bytes / perNeuron).rounded(.down)
  }

  /// How many NEST processes, each with `bytes` of memory, hold the network (at least one).
  func nestProcessesNeeded(perProcess bytes: Double) -> Double {
    let room = bytes - Self.nestBytesPerProcess
    guard room > 0 else { return .infinity }
    return max(1, ((neurons * Self.nestBytesPerNeuron + synapses * Self.nestBytesPerSynapse) / room).rounded(.up))
  }

  /// The physical memory of this machine (bytes).
  static var physicalMemory: Double {
    Double(sysconf(Int32(_SC_PHYS_PAGES))) * Double(sysconf(Int32(_SC_PAGESIZE)))
  }
}
