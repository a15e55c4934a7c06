#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroUnits

/// How a model's differential equations are advanced over one step.
public enum IntegrationMethod: String, Sendable, CaseIterable {
  /// The exact solution of linear dynamics for an input held constant over the step.
  case exact
  /// Forward Euler: simple, first-order, for teaching.
  case euler
  /// The midpoint method, second order.
  case rk2
  /// Classic fourth-order Runge–Kutta.
  case rk4
  /// Each variable advanced exactly as if its equation were linear in it over the step
  /// (exact for linear equations; the usual choice for conductance models).
  case exponentialEuler = "exponential_euler"
  /// Runge–Kutta sub-steps sized to keep each one's error within a tolerance (built-in Izhikevich and AdEx).
  case adaptive
  /// Exponential Euler to the middle of the step, then from the start under the midpoint's rates: second
  /// order (built-in Hodgkin–Huxley, two such steps a step).
  case exponentialMidpoint = "exponential_midpoint"
}

/// Where a spike is placed in time.
public enum SpikeTiming: String, Sendable, CaseIterable {
  /// Where v crosses threshold inside the step (as NEST's `_ps` models), the neuron reset there and held
  /// for exactly t_ref.
  case precise
  /// At the end of the step in which v is above threshold, held for t_ref from that step's start (Brian2,
  /// NEST's grid models).
  case grid
}

/// Parameters of a leaky integrate-and-fire neuron, in SI units:
/// `tau dv/dt = -(v - v_rest) + R I`, spike when v > v_th, then v = v_reset for t_ref.
public struct LIFParameters: Sendable, Equatable {
  public var tau: Double
  public var restingPotential: Double
  public var threshold: Double
  public var resetPotential: Double
  public var resistance: Double
  public var refractoryPeriod: Double
  public var method: IntegrationMethod
  /// Where spikes fall; precise only with exact integration (Euler's are on the grid).
  public var spikeTiming: SpikeTiming

  public init(
    tau: Double = 10e-3, restingPotential: Double = -70e-3, threshold: Double = -55e-3,
    resetPotential: Double = -70e-3, resistance: Double = 10e6, refractoryPeriod: Double = 0,
    method: IntegrationMethod = .exact, spikeTiming: SpikeTiming = .precise
  ) {
    self.tau = tau
    self.restingPotential = restingPotential
    self.threshold = threshold
    self.resetPotential = resetPotential
    self.resistance = resistance
    self.refractoryPeriod = refractoryPeriod
    self.method = method
    self.spikeTiming = spikeTiming
  }

  /// The smallest constant current (A) that makes the neuron fire: (v_th - v_rest) / R.
  public var rheobase: Double { (threshold - restingPotential) / resistance }

  /// The analytic firing rate (Hz) under a constant current (A); 0 below rheobase: one over
  /// t_ref + tau ln((R I + v_rest - v_reset) / (R I - (v_th - v_rest))).
  public func analyticRate(current: Double) -> Double {
    guard current > rheobase else { return 0 }
    let drive = resistance * current
    let gap = threshold - restingPotential
    return 1 / (refractoryPeriod + tau * log((drive + restingPotential - resetPotential) / (drive - gap)))
  }
}

/// A group of LIF neurons sharing parameters; the membrane potential is one array, and each
/// synaptic channel one more. Without channels or with current-like channels the dynamics are
/// linear and integrated exactly (the CUBA propagators); conductance channels use exponential
/// Euler with the conductances held over the step. With precise timing (the default) they are held at their
/// means over the step, a spike is placed where v crosses threshold inside the step and the neuron held for t_ref
/// from there (`LIFGroup+PreciseSpikes.swift`); on the grid they are held at their start values and a neuron is
/// refractory for t_ref from the start of the step in which it fired (as in Brian2 and NEST's grid models).
public struct LIFGroup: ParameterizedGroup {
  public var parameters: LIFParameters
  public internal(set) var v: [Double]
  public private(set) var channels: [SynapticChannel] = []
  /// One array per channel.
  var synaptic: [[Double]] = []
  var lastSpike: [Int]
  /// v at the start and end of the step in which each neuron last crossed threshold.
  var crossingStart: [Double], crossingEnd: [Double]
  /// How long before the end of its step each neuron's latest spike came (precise timing).
  var leads: [Double]
  /// Neurons whose refractory period ends inside a later step: that step → the neurons and how much of the
  /// step each is free for.
  var releases: [Int: [(neuron: Int, span: Double)]] = [:]
  /// Precise timing with exact integration: the post-pass of `placeSpikesInsideStep` runs after each step.
  var placesSpikesInsideSteps = false
  private(set) var initialV: [Double]? = nil
  /// Per-neuron values of parameters that differ between neurons (v_rest, v_th, v_reset, R).
  private(set) var perNeuron: [String: [Double]] = [:]
  private var stepIndex = 0
  var dt = 1e-4
  var decay = 0.0
  var eulerFactor = 0.0
  var refractorySteps = 0
  var channelDecay: [Double] = []
  /// How much a channel's value moves v over one step (exact, for current-like channels).
  var channelGain: [Double] = []
  /// A channel's mean over a step as a share of its value at the step's start, where a step holds it (conductance
  /// synapses); 1 on the grid.
  var channelMean: [Double] = []
  /// The kernel a step runs (nil: neuron by neuron), and how many channels are conductances; set by `prepare`.
  private var kernel: Kernel?
  private(set) var conductances = 0

  public init(count: Int, parameters: LIFParameters) {
    self.parameters = parameters
    v = Array(repeating: parameters.restingPotential, count: count)
    lastSpike = Array(repeating: Int.min / 2, count: count)
    crossingStart = Array(repeating: 0, count: count)
    crossingEnd = crossingStart
    leads = crossingStart
  }

  public var count: Int { v.count }
  public var variableNames: [String] { ["v"] + channels.indices.map { "s\($0)" } }

  public func values(of variable: String) -> [Double]? {
    if variable == "v" { return v }
    if variable.hasPrefix("s"), let k = Int(variable.dropFirst()), k < synaptic.count { return synaptic[k] }
    return nil
  }

  public func channelKind(_ channel: Int) -> SynapticChannel.Kind? {
    channels.indices.contains(channel) ? channels[channel].kind : nil
  }

  /// The rheobase of the shared parameters, (v_th - v_rest) / R.
  public var rheobase: Double? { parameters.rheobase }

  /// Adds a synaptic channel (or finds an equal one); its index.
  public mutating func addChannel(_ channel: SynapticChannel) -> Int? {
    guard channel.kind != .rate else { return nil }  // rates drive rate units only
    if let k = channels.firstIndex(of: channel) { return k }
    channels.append(channel)
    synaptic.append(Array(repeating: 0, count: count))
    return channels.count - 1
  }

  public mutating func accumulate(channel: Int, _ body: (UnsafeMutableBufferPointer<Double>) -> Void) {
    guard channel < synaptic.count else { return }
    synaptic[channel].withUnsafeMutableBufferPointer { body($0) }
  }

  public mutating func setValues(_ values: [Double], of variable: String, at range: Range<Int>) -> Bool {
    guard variable == "v", values.count == range.count, range.lowerBound >= 0, range.upperBound <= count else {
      return false
    }
    var initial = initialV ?? Array(repeating: parameters.restingPotential, count: count)
    for (k, i) in range.enumerated() {
      v[i] = values[k]
      initial[i] = values[k]
    }
    initialV = initial
    return true
  }

  public mutating func prepare(dt: Double) {
    self.dt = dt
    let tau = parameters.tau
    decay = exp(-dt / tau)
    eulerFactor = dt / tau
    refractorySteps = Int(clampingToSteps: parameters.refractoryPeriod / dt)
    placesSpikesInsideSteps = parameters.method == .exact && parameters.spikeTiming == .precise
    channelDecay = channels.map { $0.kind == .jump ? 0 : exp(-dt / $0.tau) }
    // With precise timing a channel held over a step (conductance synapses) is held at its mean over the step:
    // second order, an EPSP's peak within 0.01 % at 0.1 ms where its start value makes it 1 % high. On the
    // grid the start value, as Brian2 and the C reference hold it.
    let precise = parameters.method == .exact && parameters.spikeTiming == .precise
    channelMean = zip(channels, channelDecay).map { channel, decay in
      precise && channel.kind != .jump ? channel.tau / dt * (1 - decay) : 1
    }
    channelGain = channels.map { channel in
      if channel.kind == .jump { return 1 }
      let scale = channel.kind == .current ? parameters.resistance : 1
      // The exact response of v to an exponentially decaying drive over one step.
      let gain =
        abs(channel.tau - tau) < 1e-12 * tau
        ? dt / tau * decay : channel.tau / (channel.tau - tau) * (exp(-dt / channel.tau) - decay)
      return scale * gain
    }
    conductances = channels.filter { if case .conductance = $0.kind { return true } else { return false } }.count
    if perNeuron.isEmpty && channels.isEmpty {
      kernel = .alone
    } else if perNeuron.isEmpty && conductances == 0 && channels.count == 1 {
      kernel = .oneCurrent
    } else if perNeuron.isEmpty && conductances == 0 && channels.count == 2 {
      kernel = .twoCurrents
    } else if perNeuron.isEmpty && conductances == 2 && channels.count == 2,
      case .conductance(let e0) = channels[0].kind, case .conductance(let e1) = channels[1].kind
    {
      kernel = .twoConductances(e0, e1)
    } else {
      kernel = nil
    }
  }

  public mutating func step(input: UnsafeBufferPointer<Double>, spikes: inout [Int]) {
    advance(input: input, spikes: &spikes, pool: nil, receiving: nil)
  }

  public mutating func step(
    input: UnsafeBufferPointer<Double>, spikes: inout [Int], pool: WorkerPool, receiving: ChannelDelivery?
  ) {
    advance(input: input, spikes: &spikes, pool: pool, receiving: receiving)
  }

  /// One step: the common cases as kernels over neuron ranges (shared among the pool's threads when
  /// there is one), the rest neuron by neuron on this thread.
  private mutating func advance(
    input: UnsafeBufferPointer<Double>, spikes: inout [Int], pool: WorkerPool?, receiving: ChannelDelivery?
  ) {
    let step = stepIndex
    stepIndex += 1
    guard let kernel else {
      let n = v.count, first = spikes.count
      if let receiving { _ = withChannelValues { receiving(0..<n, $0) } }
      stepGeneral(input: input, step: step, conductances: conductances > 0, spikes: &spikes)
      if placesSpikesInsideSteps { placeSpikesInsideStep(step, input: input, from: first, spikes: &spikes) }
      return
    }
    let constants = KernelConstants(self, step: step)
    let n = v.count
    let first = spikes.count
    defer { if placesSpikesInsideSteps { placeSpikesInsideStep(step, input: input, from: first, spikes: &spikes) } }
    withState { v, last, channels, crossing in
      let state = KernelState(v: v, last: last, channels: channels, input: input, crossing: crossing)
      guard let pool, pool.threads > 1, n >= WorkerPool.smallestSharedGroup else {
        receiving?(0..<n, channels)
        return kernel.run(0..<n, state, constants, spikes: &spikes)
      }
      pool.collect(into: &spikes) { part, fired in
        let range = pool.range(part: part, count: n)
        receiving?(range, channels)
        kernel.run(range, state, constants, spikes: &fired)
      }
    }
  }

  public mutating func withChannelValues(_ body: (UnsafeBufferPointer<UnsafeMutableBufferPointer<Double>>) -> Void)
    -> Bool
  {
    withState { _, _, channels, _ in body(channels) }
    return true
  }

  /// Gives some neurons their own value of v_rest, v_th, v_reset or R; false for other names.
  public mutating func setParameterValues(_ values: [Double], of name: String, at range: Range<Int>) -> Bool {
    let scalars = [
      "v_rest": parameters.restingPotential, "v_th": parameters.threshold,
      "v_reset": parameters.resetPotential, "R": parameters.resistance,
    ]
    guard let scalar = scalars[name], values.count == range.count, range.upperBound <= count else { return false }
    var array = perNeuron[name] ?? Array(repeating: scalar, count: count)
    for (k, i) in range.enumerated() { array[i] = values[k] }
    perNeuron[name] = array
    return true
  }

  /// Any channels and per-neuron parameters: exact propagation when every channel is current-like,
  /// exponential Euler with the step's conductances otherwise.
  private mutating func stepGeneral(
    input: UnsafeBufferPointer<Double>, step: Int, conductances: Bool, spikes: inout [Int]
  ) {
    let p = parameters, n = v.count, limit = step - refractorySteps
    let rests = perNeuron["v_rest"], thresholds = perNeuron["v_th"], resets = perNeuron["v_reset"]
    let resistances = perNeuron["R"]
    for i in 0..<n {
      let free = lastSpike[i] <= limit
      let rest = rests?[i] ?? p.restingPotential, resistance = resistances?[i] ?? p.resistance
      var vi = v[i]
      if conductances {
        let (total, drive, jump) = heldInputs(
          rest: rest, resistance: resistance, input: input[i], channelAtStart: { synaptic[$0][i] })
        for c in channels.indices { synaptic[c][i] *= channelDecay[c] }
        guard free else { continue }
        let target = drive / total
        vi = target + (vi - target) * exp(-dt * total * resistance / p.tau) + jump
      } else {
        let target = rest + resistance * input[i]
        var next =
          p.method == .euler && channels.isEmpty ? vi + eulerFactor * (target - vi) : target + (vi - target) * decay
        for (c, channel) in channels.enumerated() {
          // A current channel's gain holds the group's R; a neuron with its own R scales it.
          let gain = channel.kind == .current ? channelGain[c] / p.resistance * resistance : channelGain[c]
          next += synaptic[c][i] * gain
          synaptic[c][i] *= channelDecay[c]
        }
        guard free else { continue }
        vi = next
      }
      if vi > (thresholds?[i] ?? p.threshold) {
        spikes.append(i)
        crossingStart[i] = v[i]
        crossingEnd[i] = vi
        lastSpike[i] = step
        vi = resets?[i] ?? p.resetPotential
      }
      v[i] = vi
    }
  }

  /// A step of the conductance path: the leak plus every conductance (S), the drive they and the current-like
  /// channels give (A), each held at its mean over the step, and the jumps of v; from each channel's value at the
  /// step's start.
  func heldInputs(rest: Double, resistance: Double, input: Double, channelAtStart: (Int) -> Double)
    -> (total: Double, drive: Double, jump: Double)
  {
    let leak = 1 / resistance
    var total = leak, drive = leak * rest + input, jump = 0.0
    for (c, channel) in channels.enumerated() {
      let value = channelAtStart(c) * channelMean[c]
      switch channel.kind {
      case .voltage: drive += value * leak
      case .current: drive += value
      case .jump: jump += value
      case .rate: break
      case .conductance(let reversal):
        total += value
        drive += value * reversal
      }
    }
    return (total, drive, jump)
  }

  public mutating func add(_ amount: Double, to variable: String) -> Bool {
    guard variable == "v" else { return false }
    for i in v.indices { v[i] += amount }
    return true
  }

  public mutating func resetState() {
    for i in 0..<v.count {
      v[i] = initialV?[i] ?? parameters.restingPotential
      lastSpike[i] = Int.min / 2
    }
    for c in synaptic.indices { for i in 0..<count { synaptic[c][i] = 0 } }
    releases = [:]
    stepIndex = 0
  }
}
