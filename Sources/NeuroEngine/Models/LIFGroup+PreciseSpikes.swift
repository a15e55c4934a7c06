#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Precise spike timing for the LIF group (NEST's `_ps` models): after the step's kernel, each neuron that
/// crossed threshold has its crossing found on the exact course of v inside the step, is reset there, held
/// for exactly t_ref and then integrated for what is left of its step. So at dt = 1 ms a LIF under a
/// constant current fires at the analytic rate, where spikes on the grid give one per whole number of steps.
extension LIFGroup {
  public var spikeLeads: [Double]? { placesSpikesInsideSteps ? leads : nil }

  /// Places the spikes the step found (from index `first` of `spikes`) inside it, and lets the neurons whose
  /// refractory period ends inside this step go free for the rest of it.
  mutating func placeSpikesInsideStep(
    _ step: Int, input: UnsafeBufferPointer<Double>, from first: Int, spikes: inout [Int]
  ) {
    let fired = Array(spikes[first...])
    for i in fired {
      let course = self.course(of: i, input: input[i], ending: crossingEnd[i], from: crossingStart[i])
      follow(i, course, step: step, from: 0, at: crossingStart[i] + course.jump, firedInKernel: true, spikes: &spikes)
    }
    guard let released = releases.removeValue(forKey: step) else { return }
    for (i, span) in released {
      let course = self.course(of: i, input: input[i], ending: nil, from: v[i])
      follow(i, course, step: step, from: dt - span, at: v[i], firedInKernel: false, spikes: &spikes)
    }
  }

  /// Neuron i from `start` (s into the step) at v = `value`: where it ends the step, its spike inside it if it
  /// crosses threshold (one a step), and the refractory period that follows.
  private mutating func follow(
    _ i: Int, _ course: Course, step: Int, from start: Double, at value: Double, firedInKernel: Bool,
    spikes: inout [Int]
  ) {
    let threshold = parameter("v_th", i, parameters.threshold),
      reset = parameter("v_reset", i, parameters.resetPotential)
    let end = course.value(at: dt, from: start, value)
    guard end > threshold || firedInKernel else {
      v[i] = end
      return
    }
    if !firedInKernel { spikes.append(i) }
    let crossing = end > threshold ? course.crossing(of: threshold, from: start, value, until: dt) : dt
    leads[i] = dt - crossing
    let hold = parameters.refractoryPeriod, left = dt - crossing
    if hold < left {
      // Free again inside this step: from the end of t_ref to the step's end (a second crossing waits for the next).
      v[i] = course.value(at: dt, from: crossing + hold, reset)
      lastSpike[i] = step + 1 - refractorySteps
      return
    }
    v[i] = reset
    let after = hold - left
    let wholeSteps = (after / dt).rounded(.down)
    let remainder = after - wholeSteps * dt
    let release = step + 1 + Int(clampingToSteps: wholeSteps)
    if remainder <= 1e-9 * dt {
      lastSpike[i] = release - refractorySteps
    } else {
      lastSpike[i] = release + 1 - refractorySteps
      releases[release, default: []].append((i, dt - remainder))
    }
  }

  /// A parameter of neuron i: its own value when it has one.
  private func parameter(_ name: String, _ i: Int, _ shared: Double) -> Double {
    perNeuron.isEmpty ? shared : perNeuron[name]?[i] ?? shared
  }

  /// The course of neuron i's v inside the current step from the inputs it had: the input held, conductances
  /// held at their means over the step, the decaying currents as they decay. The channels' values at the step's
  /// start are those at its end over their decay; what no channel accounts for in v at the end (`ending`, when
  /// known: jumps, round-off) is a jump at the start.
  private func course(of i: Int, input: Double, ending: Double?, from startValue: Double) -> Course {
    let p = parameters
    let rest = parameter("v_rest", i, p.restingPotential), resistance = parameter("R", i, p.resistance)
    var course = Course(target: rest + resistance * input, rate: 1 / p.tau)
    if conductances > 0 {
      // The values at the step's start, from those at its end; jumps (and channels that decay to nothing in a
      // step) are left to the residual below.
      let (total, drive, _) = heldInputs(
        rest: rest, resistance: resistance, input: input,
        channelAtStart: { channelDecay[$0] > 0 ? synaptic[$0][i] / channelDecay[$0] : 0 })
      course = Course(target: drive / total, rate: total * resistance / p.tau)
    } else {
      for (c, channel) in channels.enumerated() where channelDecay[c] > 0 {
        let scale = channel.kind == .current ? resistance : 1
        course.terms.append((synaptic[c][i] / channelDecay[c] * scale, 1 / channel.tau))
      }
    }
    if let ending { course.jump = ending - course.value(at: dt, from: 0, startValue) }
    return course
  }

}

/// v inside a step: relaxing at `rate` towards `target`, plus decaying currents each filtered by the
/// membrane (`terms`: the current's effect on v per unit of membrane drive at the step's start, its decay rate).
struct Course {
  var target: Double
  var rate: Double
  var terms: [(amplitude: Double, rate: Double)] = []
  /// A jump of v at the step's start.
  var jump = 0.0

  /// v at `time` (s into the step) when it was `value` at `start`.
  func value(at time: Double, from start: Double, _ value: Double) -> Double {
    valueAndSlope(at: time, from: start, value).value
  }

  /// v and dv/dt at `time` for the same start, sharing their exponentials.
  private func valueAndSlope(at time: Double, from start: Double, _ value: Double) -> (value: Double, slope: Double) {
    let x = time - start
    let membrane = exp(-rate * x)
    var v = target + (value - target) * membrane
    var d = -rate * (value - target) * membrane
    for term in terms {
      let amplitude = term.amplitude * exp(-term.rate * start), decay = exp(-term.rate * x)
      let gap = rate - term.rate
      if abs(gap) < 1e-12 * rate {
        v += amplitude * rate * x * membrane
        d += amplitude * rate * (1 - rate * x) * membrane
      } else {
        v += amplitude * (decay - membrane) * rate / gap
        d += amplitude * (rate * membrane - term.rate * decay) * rate / gap
      }
    }
    return (v, d)
  }

  /// The time in (start, end] at which v, `value` at `start` and above `threshold` at `end`, reaches it:
  /// Newton's method kept inside the bracket (bisection where it would leave it).
  func crossing(of threshold: Double, from start: Double, _ value: Double, until end: Double) -> Double {
    guard value < threshold else { return start }
    var (low, high) = (start, end)
    let top = self.value(at: end, from: start, value)
    var t = start + (end - start) * (threshold - value) / (top - value)
    let tolerance = 1e-12 * (end - start)
    for _ in 0..<60 {
      let (v, d) = valueAndSlope(at: t, from: start, value)
      let f = v - threshold
      if f > 0 { high = t } else { low = t }
      var next = d > 0 ? t - f / d : 0.5 * (low + high)
      if !(next > low && next < high) { next = 0.5 * (low + high) }
      if abs(next - t) <= tolerance || high - low <= tolerance { return next }
      t = next
    }
    return t
  }
}
