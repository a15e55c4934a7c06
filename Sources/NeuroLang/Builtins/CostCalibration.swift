import NeuroEngine

/// What a step of a LIF network costs on this machine, measured once a session for each thread count by
/// timing a small network: wall time per neuron-step and per synaptic event.
struct CostCalibration: Sendable, Equatable {
  /// Seconds of wall time per neuron per step (the neuron's update, its input and its spikes).
  var secondsPerNeuronStep: Double
  /// Seconds of wall time per spike delivered through one synapse.
  var secondsPerEvent: Double
  /// The threads the calibration ran on.
  var threads: Int

  /// The neurons of the calibration network: enough to be shared among threads (a LIF group of 1024 or more
  /// is), small enough to build in a few milliseconds.
  static let neurons = 4000
  /// The synapses each neuron of the wired run receives.
  static let inDegree = 100
  /// The wall time the timed chunks are given together (or four times it, whatever they add up to).
  static let budget = 0.08
  /// The steps timed together.
  static let chunk = 100

  /// Measures this machine with `threads` threads: a run of the neurons with one synapse each (firing
  /// regularly at about 140 Hz from a constant current twice the rheobase, from random voltages), then the
  /// same with `inDegree` synapses each (of 1 nV, so nearly the same spikes): the difference gives the cost
  /// of a synaptic event, the first run less its events the cost of a neuron-step. A quarter of a second in all.
  static func measure(threads: Int) -> CostCalibration {
    let bare = network(inDegree: 1, threads: threads)
    let wired = network(inDegree: inDegree, threads: threads)
    // Chunks of steps of the two in turn, so that both see the same load of the machine; the medians stand
    // for all (a chunk slowed by another process does not count).
    let clock = ContinuousClock()
    let start = clock.now
    var bareSeconds: [Double] = []
    var extraSeconds: [Double] = []
    var bareSpikes = 0
    var wiredSpikes = 0
    while bareSeconds.reduce(0, +) + extraSeconds.reduce(0, +) < budget, bareSeconds.count < 200,
      clock.now - start < .seconds(4 * budget)
    {
      let (bareTime, bareCount) = timedChunk(bare, clock)
      let (wiredTime, wiredCount) = timedChunk(wired, clock)
      bareSeconds.append(bareTime)
      extraSeconds.append(wiredTime - bareTime)
      bareSpikes += bareCount
      wiredSpikes += wiredCount
    }
    let chunks = Double(max(1, bareSeconds.count))
    let bareEvents = Double(bareSpikes) / chunks
    let extraEvents = Double(wiredSpikes * inDegree) / chunks - bareEvents
    // Both step the same neurons: the extra time of the wired one is its extra events. Timing noise can make
    // the difference negative on a busy machine: an event then costs at least nothing.
    let perEvent = max(0, median(extraSeconds)) / max(1, extraEvents)
    let perNeuronStep = max(0, median(bareSeconds) - bareEvents * perEvent) / Double(neurons * chunk)
    return CostCalibration(secondsPerNeuronStep: perNeuronStep, secondsPerEvent: perEvent, threads: threads)
  }

  /// The calibration network with `inDegree` synapses a neuron (one to one when 1), warmed up.
  private static func network(inDegree: Int, threads: Int) -> Simulation {
    let simulation = Simulation()
    simulation.threads = threads
    let parameters = LIFParameters(tau: 10e-3, refractoryPeriod: 2e-3)
    let group = simulation.add(LIFGroup(count: neurons, parameters: parameters))
    var random = RandomSource(seed: 1)
    let starts = (0..<neurons).map { _ in
      parameters.restingPotential + (parameters.threshold - parameters.restingPotential) * random.uniform()
    }
    _ = simulation.setValues(group, variable: "v", values: starts, at: 0..<neurons)
    simulation.inject(StepCurrent(amplitude: 2 * parameters.rheobase), into: group)
    // The synapses of a delta network (jumps of v), as in Brunel's: the kernel that steps such a group is
    // the one a network of that kind runs.
    _ = simulation.connect(
      pre: group, preRange: 0..<neurons, post: group, postRange: 0..<neurons,
      channel: SynapticChannel(kind: .jump, tau: 0), weight: .constant(1e-9), delay: .constant(1.5e-3),
      rule: inDegree == 1 ? .oneToOne : .inDegree(inDegree), allowSelf: true, random: &random)
    _ = simulation.run(steps: 200)  // warm up: threads started, delay queues filled, pages touched
    return simulation
  }

  /// The wall time of one chunk of steps of `simulation`, and the spikes it fired.
  private static func timedChunk(_ simulation: Simulation, _ clock: ContinuousClock) -> (Double, Int) {
    let (started, spikes) = (clock.now, simulation.recordedSpikes)
    _ = simulation.run(steps: chunk)
    return ((clock.now - started).seconds, simulation.recordedSpikes - spikes)
  }

  private static func median(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.sorted()[xs.count / 2] }
}

extension Interpreter {
  /// The calibration for `threads` threads, measured the first time this session asks for it.
  func calibration(threads: Int) -> CostCalibration {
    if let known = calibrations[threads] { return known }
    let measured = CostCalibration.measure(threads: threads)
    calibrations[threads] = measured
    return measured
  }
}

extension Duration {
  /// The duration in seconds.
  var seconds: Double {
    let (whole, fraction) = components
    return Double(whole) + Double(fraction) * 1e-18
  }
}
