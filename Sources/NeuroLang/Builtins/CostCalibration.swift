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
  /// The wall time each of the two runs is given (it stops at the first chunk of steps past it).
  static let budget = 0.04
  /// The steps timed together.
  static let chunk = 100

  /// Measures this machine with `threads` threads: a run of the neurons with one synapse each (firing
  /// regularly at about 140 Hz from a constant current twice the rheobase, from random voltages), then the
  /// same with `inDegree` synapses each (of 1 nV, so nearly the same spikes): the difference gives the cost
  /// of a synaptic event, the first run less its events the cost of a neuron-step. A tenth of a second in all.
  static func measure(threads: Int) -> CostCalibration {
    let bare = timedRun(inDegree: 1, threads: threads)
    let wired = timedRun(inDegree: inDegree, threads: threads)
    // Both runs step the same neurons: the extra time of the wired one is its extra events. Timing noise can
    // make the difference negative on a busy machine: an event then costs at least nothing.
    let perEvent = max(0, wired.seconds - bare.seconds) / max(1, wired.events - bare.events)
    let perNeuronStep = max(0, bare.seconds - bare.events * perEvent) / max(1, bare.neuronSteps)
    return CostCalibration(secondsPerNeuronStep: perNeuronStep, secondsPerEvent: perEvent, threads: threads)
  }

  /// One timed run of the calibration network: the wall time of a chunk of steps, its neuron-steps and its
  /// synaptic events (on average).
  private static func timedRun(inDegree: Int, threads: Int) -> (seconds: Double, neuronSteps: Double, events: Double) {
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
    // Chunks of 100 steps until the budget is spent; the median chunk stands for all (a chunk slowed by
    // another process on the machine does not count).
    let clock = ContinuousClock()
    let start = clock.now
    var chunkSeconds: [Double] = []
    var spikes = 0
    while chunkSeconds.reduce(0, +) < budget, chunkSeconds.count < 200 {
      let before = (clock.now, simulation.recordedSpikes)
      _ = simulation.run(steps: chunk)
      let (whole, fraction) = (clock.now - before.0).components
      chunkSeconds.append(Double(whole) + Double(fraction) * 1e-18)
      spikes += simulation.recordedSpikes - before.1
      if clock.now - start > .seconds(4 * budget) { break }
    }
    let median = chunkSeconds.sorted()[chunkSeconds.count / 2]
    let events = Double(spikes) * Double(inDegree) / Double(chunkSeconds.count)
    return (median, Double(neurons) * Double(chunk), events)
  }
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
