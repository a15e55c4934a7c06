#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroUnits

/// A model written by a user, as the engine runs it: one equation per state variable,
/// a threshold with resets, initial values, and an integration method (SI units).
public struct EquationModel: Sendable {
  public var stateNames: [String]
  public var derivatives: [EquationNode]
  /// Fires where `threshold` becomes > 0 (or ≥ 0 when `inclusive`): a neuron fires again only
  /// after its condition has been false (after a reset, or after v fell back below 0 mV).
  public var threshold: EquationNode?
  public var inclusiveThreshold: Bool
  public var resets: [Reset]
  public var initialValues: [EquationNode]
  public var parameters: [Double]
  public var method: IntegrationMethod
  /// After a spike every state variable is held for this long.
  public var refractoryPeriod: Double

  /// `v = V_r` (replace) or `w += b` (increment).
  public struct Reset: Sendable {
    public var state: Int
    public var value: EquationNode
    public var increment: Bool

    public init(state: Int, value: EquationNode, increment: Bool) {
      self.state = state
      self.value = value
      self.increment = increment
    }
  }

  public init(
    stateNames: [String], derivatives: [EquationNode], threshold: EquationNode?, inclusiveThreshold: Bool,
    resets: [Reset], initialValues: [EquationNode], parameters: [Double], method: IntegrationMethod,
    refractoryPeriod: Double
  ) {
    self.stateNames = stateNames
    self.derivatives = derivatives
    self.threshold = threshold
    self.inclusiveThreshold = inclusiveThreshold
    self.resets = resets
    self.initialValues = initialValues
    self.parameters = parameters
    self.method = method
    self.refractoryPeriod = refractoryPeriod
  }
}

/// A group of neurons of a user-written model. Its equations are compiled once into array
/// programs over one flat buffer (state arrays, registers, integrator scratch), so each step
/// runs a fixed list of vectorisable loops over the whole group.
public struct EquationGroup: NeuronGroup {
  public private(set) var model: EquationModel
  public let count: Int
  private var storage: [Double]
  private var refractoryStepsLeft: [Int32]
  /// The largest magnitude each state variable had when a spike reset it (before the reset), since
  /// the last `clearLargestWithinSpikeSteps()`: an overshoot within the spike step shows here.
  private var largestAtSpikes: [Double]
  /// Whether each neuron's threshold condition held after the last step.
  private var above: [Bool]
  /// Every equation's right side.
  private var derivatives: ArrayProgram
  /// For Euler: the right sides without their constant factors (`factors`).
  private var scaledRightSides: ArrayProgram
  /// For exponential Euler: the same, then each one's derivative with respect to its own variable.
  private var exponential: ArrayProgram
  private var factors: [Double]
  private var threshold: ArrayProgram?
  /// The usual threshold, a state variable against a fixed level, read without running a program.
  private var thresholdLevel: (state: Int, level: Double)?
  /// A one-variable affine model (Euler or exact) in one fused pass (`AffineUpdate.swift`).
  private var affine: AffineUpdate?
  let layout: Layout
  /// Neurons are stored and advanced in blocks of `width`, so that every array an equation
  /// touches stays in the fastest cache while a block is computed.
  private let width: Int
  private let blocks: Int
  private var dt = 1e-4
  private var time = 0.0
  private var refractorySteps: Int32 = 0
  /// The input of the block being stepped where it lies, when the block is full (nil: its copy in storage).
  nonisolated(unsafe) var blockInput: UnsafePointer<Double>?

  /// Where each array lives in `storage`, in units of `count` doubles.
  struct Layout {
    let states: Int, registers: Int, input: Int, scratch: Int, derivativesAt: Int, slopesAt: Int, total: Int

    init(states s: Int, registers r: Int) {
      states = 0
      registers = s
      input = s + r
      scratch = input + 1  // a copy of the states (midpoints, refractory restore)
      derivativesAt = scratch + s  // 4 sets of derivatives (RK4)
      slopesAt = derivativesAt + 4 * s
      total = slopesAt + s
    }
  }

  public init(count: Int, model: EquationModel) {
    self.model = model
    self.count = count
    let parameters = model.parameters
    let rightSides = model.derivatives.map { $0.folded(parameters: parameters).simplified() }
    derivatives = ArrayProgram(rightSides)
    let scaled = rightSides.map { $0.reassociated().leadingFactor }
    factors = scaled.map(\.factor)
    scaledRightSides = ArrayProgram(scaled.map(\.rest))
    exponential = ArrayProgram(
      scaled.map(\.rest)
        + model.derivatives.enumerated().map { i, node in
          node.derivative(withRespectTo: i).folded(parameters: parameters).reassociated()
        })
    threshold = model.threshold.map { ArrayProgram([$0.folded(parameters: parameters)]) }
    if case .subtract(.state(let i), .constant(let level))? = model.threshold?.folded(parameters: parameters) {
      thresholdLevel = (i, level)
    }
    if model.stateNames.count == 1, [.euler, .exact, .exponentialEuler].contains(model.method),
      model.threshold == nil || thresholdLevel != nil, let form = AffineForm(scaled[0].rest, stateCount: 1)
    {
      affine = AffineUpdate(form: form)
    }
    let registers = [derivatives, scaledRightSides, exponential, threshold].compactMap { $0?.registerCount }.max() ?? 0
    layout = Layout(states: model.stateNames.count, registers: max(1, registers))
    width = max(1, min(count, 256))
    blocks = (count + width - 1) / width
    storage = Array(repeating: 0, count: blocks * layout.total * width)
    refractoryStepsLeft = Array(repeating: 0, count: count)
    largestAtSpikes = Array(repeating: 0, count: model.stateNames.count)
    above = Array(repeating: false, count: count)
    resetState()
  }

  public var variableNames: [String] { model.stateNames }

  /// New parameter values: the equations are compiled again; the state is kept.
  public mutating func reparameterize(_ parameters: [Double]) {
    let rebuilt = EquationGroup(
      count: 1,
      model: {
        var m = model
        m.parameters = parameters
        return m
      }())
    model.parameters = parameters
    derivatives = rebuilt.derivatives
    scaledRightSides = rebuilt.scaledRightSides
    exponential = rebuilt.exponential
    factors = rebuilt.factors
    threshold = rebuilt.threshold
    thresholdLevel = rebuilt.thresholdLevel
    affine = rebuilt.affine
    prepare(dt: dt)
  }

  /// Takes the parameter values of a group of the same model; the equations are compiled again.
  public mutating func takeParameters(of other: any NeuronGroup) -> Bool {
    guard let other = other as? EquationGroup, other.model.parameters.count == model.parameters.count else {
      return false
    }
    reparameterize(other.model.parameters)
    return true
  }

  /// The largest magnitude each state variable reached at spikes, 0 for those a reset sets (`v = V_r`):
  /// a variable a spike keeps (or adds to) carries an overshoot on.
  public var largestWithinSpikeSteps: [Double] {
    let setAtSpikes = Set(model.resets.filter { !$0.increment }.map(\.state))
    return largestAtSpikes.indices.map { setAtSpikes.contains($0) ? 0 : largestAtSpikes[$0] }
  }

  /// Where slot `slot` of neuron `j` lives in `storage`.
  private func index(slot: Int, neuron j: Int) -> Int {
    ((j / width) * layout.total + slot) * width + j % width
  }

  public func values(of variable: String) -> [Double]? {
    guard let i = model.stateNames.firstIndex(of: variable) else { return nil }
    return (0..<count).map { storage[index(slot: layout.states + i, neuron: $0)] }
  }

  public mutating func prepare(dt: Double) {
    self.dt = dt
    affine?.prepare(dt: dt, scale: factors[0], exponential: model.method != .euler)
    // Refractory from the start of the step in which the neuron fired: one step is that step.
    refractorySteps = max(0, Int32(saturating: model.refractoryPeriod / dt - 1))
  }

  /// Forgets the magnitudes reached at spikes so far.
  public mutating func clearLargestWithinSpikeSteps() {
    for i in largestAtSpikes.indices { largestAtSpikes[i] = 0 }
  }

  public mutating func resetState() {
    for (i, node) in model.initialValues.enumerated() {
      let value = node.value(state: { _ in 0 }, parameters: model.parameters, input: 0, time: 0)
      for j in 0..<(blocks * width) { storage[index(slot: layout.states + i, neuron: j)] = value }
    }
    let n = count
    for j in 0..<n {
      refractoryStepsLeft[j] = 0
      above[j] = false
    }
    time = 0
  }

  public mutating func add(_ amount: Double, to variable: String) -> Bool {
    guard let i = model.stateNames.firstIndex(of: variable) else { return false }
    for j in 0..<count { storage[index(slot: layout.states + i, neuron: j)] += amount }
    return true
  }

  public mutating func step(input: UnsafeBufferPointer<Double>, spikes: inout [Int]) {
    let anyRefractory = refractoryStepsLeft.contains { $0 > 0 }
    // The buffer is moved out while its kernels run, so that no access to self overlaps it.
    var working: [Double] = []
    swap(&working, &storage)
    defer { swap(&working, &storage) }
    working.withUnsafeMutableBufferPointer { buffer in
      guard let start = buffer.baseAddress else { return }
      for block in 0..<blocks {
        stepBlock(
          start + block * layout.total * width, first: block * width, input: input, anyRefractory: anyRefractory,
          spikes: &spikes)
      }
    }
    time += dt
    blockInput = nil
  }

  /// Advances one block of `width` neurons, the first of which is neuron `first`.
  private mutating func stepBlock(
    _ base: UnsafeMutablePointer<Double>, first: Int, input: UnsafeBufferPointer<Double>,
    anyRefractory: Bool, spikes: inout [Int]
  ) {
    let n = width, s = model.stateNames.count, layout = self.layout
    let (dt, t) = (self.dt, time)
    // The input as the programs read it: where it is for a full block, else copied (0 past the last neuron).
    let inputInPlace = first + n <= count ? input.baseAddress.map { $0 + first } : nil
    blockInput = inputInPlace
    if inputInPlace == nil {
      for lane in 0..<n { base[layout.input * n + lane] = first + lane < count ? input[first + lane] : 0 }
    }
    if anyRefractory { copy(base, from: layout.states, to: layout.scratch, slots: s, n: n) }
    let saved = layout.scratch
    var anyAbove = true  // unless the fused pass says otherwise
    if let affine {
      let level = thresholdLevel?.level ?? .infinity
      anyAbove = affine.advance(
        base + layout.states * n, input: inputInPlace ?? UnsafePointer(base + layout.input * n), n: n, level: level,
        inclusive: model.inclusiveThreshold)
    } else {
      anyAbove = advanceByMethod(base, n: n, t: t, dt: dt, anyRefractory: anyRefractory)
    }
    if anyRefractory {
      anyAbove = true  // the restored states were not in the fused pass
      for lane in 0..<n where first + lane < count && refractoryStepsLeft[first + lane] > 0 {
        refractoryStepsLeft[first + lane] -= 1
        for i in 0..<s { base[(layout.states + i) * n + lane] = base[(saved + i) * n + lane] }
      }
    }
    guard let threshold else { return }
    // After a reset no neuron's condition is held over (`above` stays false).
    if !anyAbove && (!model.resets.isEmpty || !above[first..<min(count, first + n)].contains(true)) { return }
    fire(threshold, base, first: first, input: input, t: t, anyRefractory: anyRefractory, spikes: &spikes)
  }

  /// The method's update of a block's states (everything but the fused affine case); false when it
  /// found that no neuron is above a threshold on one state (Euler), true when it may be.
  private func advanceByMethod(
    _ base: UnsafeMutablePointer<Double>, n: Int, t: Double, dt: Double, anyRefractory: Bool
  ) -> Bool {
    let s = model.stateNames.count, layout = self.layout
    switch model.method {
    case .euler:
      run(scaledRightSides, base, statesAt: layout.states, n: n, time: t)
      var crossed = 1
      for i in 0..<s {
        let f = rightSide(scaledRightSides, i, base, into: layout.derivativesAt, n: n, time: t)
        let x = base + (layout.states + i) * n
        let step = dt * factors[i]
        guard let (state, level) = thresholdLevel, state == i else {
          for j in 0..<n { x[j] += step * f[j] }
          continue
        }
        // The threshold's state: counted above its level in the same pass.
        crossed = 0
        let inclusive = model.inclusiveThreshold
        for j in 0..<n {
          let next = x[j] + step * f[j]
          x[j] = next
          crossed &+= (inclusive ? next >= level : next > level) ? 1 : 0
        }
      }
      return crossed > 0
    case .rk2:
      evaluate(derivatives, base, statesAt: layout.states, into: layout.derivativesAt, n: n, time: t)
      if anyRefractory { copy(base, from: layout.states, to: layout.slopesAt, slots: s, n: n) }
      let midpoint = anyRefractory ? layout.slopesAt : layout.scratch
      combine(base, layout.states, 0.5 * dt, [layout.derivativesAt], [1], into: midpoint, slots: s, n: n)
      evaluate(derivatives, base, statesAt: midpoint, into: layout.derivativesAt + s, n: n, time: t + 0.5 * dt)
      axpy(base, dt, from: layout.derivativesAt + s, into: layout.states, slots: s, n: n)
    case .rk4:
      let k = (0..<4).map { layout.derivativesAt + $0 * s }
      let temporary = layout.slopesAt
      evaluate(derivatives, base, statesAt: layout.states, into: k[0], n: n, time: t)
      combine(base, layout.states, 0.5 * dt, [k[0]], [1], into: temporary, slots: s, n: n)
      evaluate(derivatives, base, statesAt: temporary, into: k[1], n: n, time: t + 0.5 * dt)
      combine(base, layout.states, 0.5 * dt, [k[1]], [1], into: temporary, slots: s, n: n)
      evaluate(derivatives, base, statesAt: temporary, into: k[2], n: n, time: t + 0.5 * dt)
      combine(base, layout.states, dt, [k[2]], [1], into: temporary, slots: s, n: n)
      evaluate(derivatives, base, statesAt: temporary, into: k[3], n: n, time: t + dt)
      combine(base, layout.states, dt / 6, k, [1, 2, 2, 1], into: layout.states, slots: s, n: n)
    case .exponentialEuler, .exact, .adaptive, .exponentialMidpoint:  // the last two: built-in models only
      run(exponential, base, statesAt: layout.states, n: n, time: t)
      for i in 0..<s {
        let x = base + (layout.states + i) * n
        let f = rightSide(exponential, i, base, into: layout.derivativesAt, n: n, time: t)
        let b = resolve(exponential.results[s + i], base, statesAt: layout.states, n: n, time: t)
        let scale = factors[i]
        guard let slope = b.pointer else {
          // Linear with a fixed rate: one factor for every neuron.
          let h = b.scalar * dt
          let factor = scale * (Swift.abs(h) < 1e-9 ? dt : expm1(h) / b.scalar)
          for j in 0..<n { x[j] += f[j] * factor }
          continue
        }
        for j in 0..<n {
          let h = slope[j] * dt
          x[j] += scale * (Swift.abs(h) < 1e-9 ? f[j] * dt : f[j] * expm1(h) / slope[j])
        }
      }
    }
    return true
  }

  /// The threshold of a block after its step: who fires, their resets.
  private mutating func fire(
    _ threshold: ArrayProgram, _ base: UnsafeMutablePointer<Double>, first: Int, input: UnsafeBufferPointer<Double>,
    t: Double, anyRefractory: Bool, spikes: inout [Int]
  ) {
    let n = width, layout = self.layout
    let value: Resolved, level: Double
    if let (state, fixed) = thresholdLevel {
      value = Resolved(pointer: UnsafePointer(base + (layout.states + state) * n), scalar: 0)
      level = fixed
    } else {
      run(threshold, base, statesAt: layout.states, n: n, time: t + dt)
      value = resolve(threshold.results[0], base, statesAt: layout.states, n: n, time: t + dt)
      level = 0
    }
    let inclusiveCheck = model.inclusiveThreshold
    if let p = value.pointer,
      !UnsafeBufferPointer(start: p, count: n).contains(where: { inclusiveCheck ? $0 >= level : $0 > level }),
      !above[first..<min(count, first + n)].contains(true)
    {
      return  // nobody fires in this block (the usual case)
    }
    let inclusive = model.inclusiveThreshold
    let resetsAny = !model.resets.isEmpty
    for lane in 0..<min(n, count - first) {
      let j = first + lane
      let x = (value.pointer.map { $0[lane] } ?? value.scalar) - level
      let holds = inclusive ? x >= 0 : x > 0
      let wasAbove = above[j]
      above[j] = holds && !resetsAny
      guard holds, !wasAbove, refractoryStepsLeft[j] == 0 || !anyRefractory else { continue }
      spikes.append(j)
      for i in largestAtSpikes.indices {
        largestAtSpikes[i] = max(largestAtSpikes[i], abs(base[(layout.states + i) * n + lane]))
      }
      var updated: [(Int, Double)] = []
      for reset in model.resets {
        let amount = reset.value.value(
          state: { base[(layout.states + $0) * n + lane] }, parameters: model.parameters,
          input: input[j], time: t + dt)
        updated.append(
          (reset.state, reset.increment ? base[(layout.states + reset.state) * n + lane] + amount : amount))
      }
      for (i, v) in updated { base[(layout.states + i) * n + lane] = v }
      refractoryStepsLeft[j] = refractorySteps
    }
  }
}
