/// One neuron of any model replayed on its own with its group's own step, for `why`: its trajectory under the
/// inputs it had, its resting state, and how its v answers to small inputs at rest (the membrane linearised
/// there, measured by central differences of the model's own step, so no integration formula is copied).
struct ModelReplay {
  /// The inputs of a replay, from its first step: the current (A) in each step and the events on each
  /// variable before each step.
  struct Inputs {
    var current: [Double] = []
    var kicks: [String: [Double]] = [:]
  }

  /// The lone neuron at its initial state, prepared for the time step.
  let initial: any NeuronGroup
  /// The state the neuron settles in without input (its initial state when it never settles: then the
  /// membrane is linearised along its own course from there).
  let rest: any NeuronGroup

  init(_ lone: any NeuronGroup, dt: Double) {
    var neuron = lone
    neuron.prepare(dt: dt)
    initial = neuron
    rest = Self.settled(neuron, dt: dt) ?? neuron
  }

  /// v of a lone neuron (V).
  static func v(_ neuron: any NeuronGroup) -> Double { neuron.values(of: "v")?.first ?? 0 }

  /// Advances `neuron` by `steps` steps with `inputs`, giving v before the first step and after each.
  static func advance(_ neuron: inout any NeuronGroup, steps: Int, inputs: Inputs = Inputs(), from first: Int = 0)
    -> [Double]
  {
    var values = [v(neuron)]
    values.reserveCapacity(steps + 1)
    var current = [0.0], fired: [Int] = []
    for k in first..<(first + steps) {
      for (variable, amounts) in inputs.kicks where k < amounts.count && amounts[k] != 0 {
        _ = neuron.add(amounts[k], to: variable)
      }
      current[0] = k < inputs.current.count ? inputs.current[k] : 0
      current.withUnsafeBufferPointer { neuron.step(input: $0, spikes: &fired) }
      values.append(v(neuron))
    }
    return values
  }

  /// The neuron run without input until its state stops changing (past any spikes of its start); nil when it
  /// keeps firing or does not settle.
  private static func settled(_ start: any NeuronGroup, dt: Double) -> (any NeuronGroup)? {
    var neuron = start
    let names = neuron.variableNames, stride = 100
    var before = names.map { neuron.values(of: $0)?.first ?? 0 }
    var current = [0.0], fired: [Int] = []
    for _ in 0..<Int(clampingToSteps: min(5e6, 60 / dt) / Double(stride)) {
      fired.removeAll()
      for _ in 0..<stride { current.withUnsafeBufferPointer { neuron.step(input: $0, spikes: &fired) } }
      let now = names.map { neuron.values(of: $0)?.first ?? 0 }
      if fired.isEmpty && zip(now, before).allSatisfy({ abs($0 - $1) <= 1e-13 * abs($0) + 1e-30 }) { return neuron }
      before = now
    }
    return nil
  }

  /// How v answers, after 0…`steps` steps from rest, to a unit of `input` (one ampere in the first step, or a
  /// unit added to a variable before it), measured with `size` units either way.
  func response(steps: Int, size: Double, kick variable: String? = nil) -> [Double] {
    let sides = [size, -size].map { amount -> [Double] in
      var neuron = rest
      var inputs = Inputs()
      if let variable { inputs.kicks[variable] = [amount] } else { inputs.current = [amount] }
      return Self.advance(&neuron, steps: steps, inputs: inputs)
    }
    return zip(sides[0], sides[1]).map { ($0 - $1) / (2 * size) }
  }

  /// v after `steps` steps from rest moved toward `state` (every variable's difference), linearised: where v
  /// goes from rest without input, plus how the membrane carries that difference.
  func relaxation(from state: any NeuronGroup, steps: Int) -> Double {
    let names = rest.variableNames, scale = 1e-3
    let sides = [scale, -scale].map { fraction -> Double in
      var neuron = rest
      for name in names {
        let difference = (state.values(of: name)?.first ?? 0) - (rest.values(of: name)?.first ?? 0)
        if difference != 0 { _ = neuron.add(fraction * difference, to: name) }
      }
      return Self.advance(&neuron, steps: steps).last ?? Self.v(neuron)
    }
    var free = rest
    let level = Self.advance(&free, steps: steps).last ?? Self.v(rest)
    return level + (sides[0] - sides[1]) / (2 * scale)
  }
}
