/// The common cases of the LIF step as kernels over a range of neurons: the same arithmetic whichever
/// thread runs which range, so that the spikes are those of one thread.
extension LIFGroup {
  /// Which kernel a step runs.
  enum Kernel {
    /// No synapses: exact (or Euler) towards the input's target.
    case alone
    /// One current-like channel (jumps, as in Brunel's network, or a decaying current): exact.
    case oneCurrent
    /// Two current-like channels (CUBA): exact propagation of v and both channels.
    case twoCurrents
    /// Two conductance channels (COBA) with these reversal potentials: exponential Euler.
    case twoConductances(Double, Double)

    func run(_ range: Range<Int>, _ state: KernelState, _ constants: KernelConstants, spikes: inout [Int]) {
      switch self {
      case .alone: stepAlone(range, state, constants, spikes: &spikes)
      case .oneCurrent: stepCurrent(range, state, constants, spikes: &spikes)
      case .twoCurrents: stepCurrents(range, state, constants, spikes: &spikes)
      case .twoConductances(let e0, let e1):
        stepConductances(e0, e1, range, state, constants, spikes: &spikes)
      }
    }
  }

  /// The arrays a kernel works on, as pointers valid for the step.
  struct KernelState {
    let v: UnsafeMutableBufferPointer<Double>
    let last: UnsafeMutableBufferPointer<Int>
    let channels: UnsafeBufferPointer<UnsafeMutableBufferPointer<Double>>
    let input: UnsafeBufferPointer<Double>
    /// v at the start and at the end of the step (before the reset), kept for the neurons that fire.
    let crossing: Crossing
  }

  /// Where a neuron's v began and ended the step in which it crossed threshold.
  struct Crossing {
    let start: UnsafeMutableBufferPointer<Double>
    let end: UnsafeMutableBufferPointer<Double>
  }

  /// What a kernel reads of the group: parameters and propagators.
  struct KernelConstants {
    let parameters: LIFParameters
    let step: Int, limit: Int
    let dt: Double, decay: Double, eulerFactor: Double
    /// The decay and gain of the first two channels (0 where there is none): plain values, not arrays,
    /// so that nothing in a kernel is counted by reference.
    let (d0, d1, g0, g1): (Double, Double, Double, Double)
    /// The first two channels' means over a step where a step holds them (1 on the grid).
    let (m0, m1): (Double, Double)

    init(_ group: LIFGroup, step: Int) {
      parameters = group.parameters
      self.step = step
      limit = step - group.refractorySteps
      (dt, decay, eulerFactor) = (group.dt, group.decay, group.eulerFactor)
      func first(_ values: [Double], _ k: Int) -> Double { k < values.count ? values[k] : 0 }
      (d0, d1) = (first(group.channelDecay, 0), first(group.channelDecay, 1))
      (g0, g1) = (first(group.channelGain, 0), first(group.channelGain, 1))
      (m0, m1) = (first(group.channelMean, 0), first(group.channelMean, 1))
    }
  }

  /// Runs `body` with v, the last spike steps, every channel and the crossings as unsafe buffers. The
  /// arrays are moved out while it runs, so that their accesses do not overlap.
  mutating func withState<R>(
    _ body: (
      UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Int>,
      UnsafeBufferPointer<UnsafeMutableBufferPointer<Double>>, Crossing
    ) -> R
  ) -> R {
    var (values, steps, arrays): ([Double], [Int], [[Double]]) = ([], [], [])
    var (starts, ends): ([Double], [Double]) = ([], [])
    swap(&values, &v)
    swap(&steps, &lastSpike)
    swap(&arrays, &synaptic)
    swap(&starts, &crossingStart)
    swap(&ends, &crossingEnd)
    defer {
      swap(&values, &v)
      swap(&steps, &lastSpike)
      swap(&arrays, &synaptic)
      swap(&starts, &crossingStart)
      swap(&ends, &crossingEnd)
    }
    let count = arrays.count
    return withUnsafeTemporaryAllocation(of: UnsafeMutableBufferPointer<Double>.self, capacity: count) { collected in
      values.withUnsafeMutableBufferPointer { v in
        steps.withUnsafeMutableBufferPointer { last in
          starts.withUnsafeMutableBufferPointer { start in
            ends.withUnsafeMutableBufferPointer { end in
              Self.withBuffers(&arrays, from: 0, collected) {
                body(v, last, UnsafeBufferPointer(collected), Crossing(start: start, end: end))
              }
            }
          }
        }
      }
    }
  }

  /// Each array of `arrays` from `k` on as a buffer, put in `collected`, then `body`.
  private static func withBuffers<R>(
    _ arrays: inout [[Double]], from k: Int,
    _ collected: UnsafeMutableBufferPointer<UnsafeMutableBufferPointer<Double>>,
    _ body: () -> R
  ) -> R {
    guard k < arrays.count else { return body() }
    var mine: [Double] = []
    swap(&mine, &arrays[k])
    defer { swap(&mine, &arrays[k]) }
    return mine.withUnsafeMutableBufferPointer { buffer in
      collected.initializeElement(at: k, to: buffer)
      return withBuffers(&arrays, from: k + 1, collected, body)
    }
  }
}

/// No synapses: the single-neuron path (exact or Euler).
private func stepAlone(
  _ range: Range<Int>, _ state: LIFGroup.KernelState, _ c: LIFGroup.KernelConstants, spikes: inout [Int]
) {
  let p = c.parameters, (v, last, input) = (state.v, state.last, state.input)
  for i in range {
    if last[i] > c.limit { continue }
    let target = p.restingPotential + p.resistance * input[i], before = v[i]
    if p.method == .euler {
      v[i] += c.eulerFactor * (target - v[i])
    } else {
      v[i] = target + (v[i] - target) * c.decay
    }
    if v[i] > p.threshold {
      spikes.append(i)
      state.crossing.start[i] = before
      state.crossing.end[i] = v[i]
      v[i] = p.resetPotential
      last[i] = c.step
    }
  }
}

/// One current-like channel: as `stepCurrents` with one.
private func stepCurrent(
  _ range: Range<Int>, _ state: LIFGroup.KernelState, _ c: LIFGroup.KernelConstants, spikes: inout [Int]
) {
  let p = c.parameters
  let (v, input, s0) = (state.v, state.input, state.channels[0])
  let (rest, resistance, m, g0, d0) = (p.restingPotential, p.resistance, c.decay, c.g0, c.d0)
  let rule = FiringRule(state, c)
  var i = range.lowerBound
  while i < range.upperBound {
    let n = min(4, range.upperBound - i)
    let (a, vi) = (s0.lanes(at: i, count: n), v.lanes(at: i, count: n))
    let target = rest + resistance * input.lanes(at: i, count: n)
    let next = target + (vi - target) * m + a * g0
    v.setLanes(settle(next, vi, at: i, count: n, rule, spikes: &spikes), at: i, count: n)
    s0.setLanes(a * d0, at: i, count: n)
    i += n
  }
}

/// The CUBA case, two current-like channels: exact propagation of v and the channels, four neurons
/// at a time; a neuron still refractory keeps its v.
private func stepCurrents(
  _ range: Range<Int>, _ state: LIFGroup.KernelState, _ c: LIFGroup.KernelConstants, spikes: inout [Int]
) {
  let p = c.parameters
  let (v, input, s0, s1) = (state.v, state.input, state.channels[0], state.channels[1])
  let (rest, resistance, m) = (p.restingPotential, p.resistance, c.decay)
  let (g0, g1, d0, d1) = (c.g0, c.g1, c.d0, c.d1)
  let rule = FiringRule(state, c)
  var i = range.lowerBound
  while i < range.upperBound {
    let n = min(4, range.upperBound - i)
    let (a, b, vi) = (s0.lanes(at: i, count: n), s1.lanes(at: i, count: n), v.lanes(at: i, count: n))
    let target = rest + resistance * input.lanes(at: i, count: n)
    let next = target + (vi - target) * m + a * g0 + b * g1
    v.setLanes(settle(next, vi, at: i, count: n, rule, spikes: &spikes), at: i, count: n)
    s0.setLanes(a * d0, at: i, count: n)
    s1.setLanes(b * d1, at: i, count: n)
    i += n
  }
}

/// The COBA case, two conductance channels: exponential Euler with the step's conductances, four
/// neurons at a time, the propagators exp(-dt g / C) by the vectorised exponential.
private func stepConductances(
  _ e0: Double, _ e1: Double, _ range: Range<Int>, _ state: LIFGroup.KernelState, _ c: LIFGroup.KernelConstants,
  spikes: inout [Int]
) {
  let p = c.parameters
  let (v, input, g0, g1) = (state.v, state.input, state.channels[0], state.channels[1])
  let leak = 1 / p.resistance, capacitance = p.tau / p.resistance
  let (d0, d1, m0, m1) = (c.d0, c.d1, c.m0, c.m1)
  let leakDrive = leak * p.restingPotential, rate = -c.dt / capacitance
  let rule = FiringRule(state, c)
  var i = range.lowerBound
  while i < range.upperBound {
    let n = min(4, range.upperBound - i)
    let (start0, start1, vi) = (g0.lanes(at: i, count: n), g1.lanes(at: i, count: n), v.lanes(at: i, count: n))
    g0.setLanes(start0 * d0, at: i, count: n)
    g1.setLanes(start1 * d1, at: i, count: n)
    let (a, b) = (start0 * m0, start1 * m1)
    let total = leak + a + b
    let target = (leakDrive + input.lanes(at: i, count: n) + a * e0 + b * e1) / total
    let next = target + (vi - target) * exponential(rate * total)
    v.setLanes(settle(next, vi, at: i, count: n, rule, spikes: &spikes), at: i, count: n)
    i += n
  }
}

/// The new v of four neurons: `next`, or `old` for those still refractory; those above threshold fire
/// (their spike recorded, v reset).
@inline(__always)
private func settle(
  _ next: SIMD4<Double>, _ old: SIMD4<Double>, at i: Int, count n: Int, _ rule: FiringRule, spikes: inout [Int]
) -> SIMD4<Double> {
  let refractory = rule.last.lanes(at: i, count: n) .> rule.limit
  var v = next
  v.replace(with: old, where: refractory)
  let fired = (v .> rule.threshold) .& .!refractory
  guard any(fired) else { return v }
  for k in 0..<n where fired[k] {
    spikes.append(i + k)
    rule.crossing.start[i + k] = old[k]
    rule.crossing.end[i + k] = v[k]
    rule.last[i + k] = rule.step
    v[k] = rule.reset
  }
  return v
}

/// What `settle` needs, plain values only (nothing counted by reference in the loop).
private struct FiringRule {
  let last: UnsafeMutableBufferPointer<Int>
  let crossing: LIFGroup.Crossing
  let limit: SIMD4<Int64>
  let threshold: Double, reset: Double
  let step: Int

  init(_ state: LIFGroup.KernelState, _ c: LIFGroup.KernelConstants) {
    last = state.last
    crossing = state.crossing
    limit = SIMD4(repeating: Int64(c.limit))
    (threshold, reset, step) = (c.parameters.threshold, c.parameters.resetPotential, c.step)
  }
}
