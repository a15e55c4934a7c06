import NeuroEngine
import NeuroUnits

/// Single neurons: defining them, reading their traces and parameters, changing their parameters and state.
extension Interpreter {
  /// `neuron n = MODEL`: a neuron in the world under a name (replacing one that had it).
  func defineNeuron(_ name: String, at nameSpan: Span, _ modelExpr: Expr) throws {
    try refusePoissonOutsideInput(name, modelExpr)
    let value = try evaluate(modelExpr)
    guard case .model(let model) = value else {
      throw failure(
        "a neuron needs a model such as lif(…), found \(value.describedKind)", at: modelExpr.span,
        hint: "neuron \(name) = lif(tau: 10ms)")
    }
    _ = try defineGroup(name, at: nameSpan, seeded(model).makeGroup(count: 1), model: model)
  }

  /// `n.v`, `n.tau`: a neuron's recorded variable or a parameter of its model.
  func neuronMember(_ handle: NeuronHandle, _ name: String, _ nameSpan: Span) throws -> Value {
    guard let model = world.models[handle.group] else {
      throw failure("\(handle.name) is no longer a neuron", at: nameSpan)
    }
    if let variable = model.kind.variables.first(where: { $0.name == name }) {
      if !handle.isPopulation, let trace = world.simulation.trace(handle.group, variable: name) {
        return .trace(
          TraceValue(
            label: "\(handle.name).\(name)", trace: trace, dimension: variable.dimension,
            spikeTimes: spikeTimes(of: handle)))
      }
      // A population: the traces recorded of its neurons.
      let traces = handle.range.compactMap { i -> Value? in
        guard let trace = world.simulation.trace(handle.group, variable: name, neuron: i) else { return nil }
        var one = handle
        one.range = i..<(i + 1)
        return .trace(
          TraceValue(
            label: "\(handle.name)[\(i)].\(name)", trace: trace, dimension: variable.dimension,
            spikeTimes: spikeTimes(of: one)))
      }
      guard !traces.isEmpty else {
        throw failure(
          "nothing is recorded of \(handle.label).\(name)", at: nameSpan,
          hint: "record it before running: record \(handle.name).\(name)[0..9]")
      }
      return handle.range.count == 1 ? traces[0] : .list(traces)
    }
    if let parameter = model.kind.parameter(name) {
      return .quantity(Quantity(model.values[name] ?? parameter.defaultValue, parameter.dimension))
    }
    throw unknownMember(name, of: model.kind, at: nameSpan)
  }

  /// `exc.v = uniform(-60mV, -50mV, 3200)` or `exc.v = -65mV`: the state of each neuron, also its value after reset.
  private func setState(
    _ handle: NeuronHandle, _ variable: (name: String, dimension: Dimension, meaning: String),
    _ value: Value, _ span: Span
  ) throws {
    var values: [Double] = []
    func check(_ item: Value) throws -> Double {
      guard case .quantity(let q) = item, q.dimension == variable.dimension else {
        throw failure(
          "\(variable.name) is "
            + "\(variable.dimension.isDimensionless ? "a plain number" : "a \(variable.dimension.word)"), found "
            + "\(item.describedKind)",
          at: span)
      }
      return q.value
    }
    switch value {
    case .list(let items):
      guard items.count == handle.range.count else {
        throw failure(
          "\(handle.label) has \(handle.range.count) neurons but the list has \(items.count) values", at: span,
          hint: "uniform(-60mV, -50mV, \(handle.range.count)) draws one value per neuron")
      }
      values = try items.map(check)
    default:
      values = Array(repeating: try check(value), count: handle.range.count)
    }
    guard world.simulation.setValues(handle.group, variable: variable.name, values: values, at: handle.range) else {
      throw failure(
        "\(variable.name) of \(world.models[handle.group]?.kind.name ?? "this") neurons cannot be set yet", at: span)
    }
  }

  /// `n.tau = 20ms` on a neuron (kept state, new parameter) or on a model held in a name.
  func assignParameter(_ objectExpr: Expr, _ member: String, _ memberSpan: Span, _ valueExpr: Expr) throws {
    let object = try evaluate(objectExpr)
    var model: NeuronModel
    switch object {
    case .neuron(let handle):
      guard let m = world.models[handle.group] else {
        throw failure("\(handle.name) is no longer a neuron", at: objectExpr.span)
      }
      model = m
    case .model(let m):
      guard case .name = objectExpr.kind else {
        throw failure("only a named model can be changed", at: objectExpr.span, hint: "let m = lif(); m.tau = 20ms")
      }
      model = m
    default:
      throw failure("\(object.describedKind) has no parameters to set", at: objectExpr.span)
    }
    guard let parameter = model.kind.parameter(member) else {
      if let variable = model.kind.variable(member), case .neuron(let handle) = object {
        return try setState(handle, variable, try evaluate(valueExpr), valueExpr.span)
      }
      throw unknownMember(member, of: model.kind, at: memberSpan)
    }
    let context = CallContext(interpreter: self, arguments: [], span: valueExpr, calleeSpan: memberSpan)
    let value = try evaluate(valueExpr)
    if case .neuron(let handle) = object, handle.isPopulation {
      // A population: a list gives each neuron its own value; one value into a slice does too.
      let values: [Double]
      if case .list(let items) = value {
        guard items.count == handle.range.count else {
          throw failure(
            "\(handle.label) has \(handle.range.count) neurons but the list has \(items.count) values",
            at: valueExpr.span)
        }
        values = try items.map { try Builtins.checkParameter(parameter, $0, valueExpr.span, context) }
      } else if handle.range != 0..<handle.groupSize {
        values = Array(
          repeating: try Builtins.checkParameter(parameter, value, valueExpr.span, context), count: handle.range.count)
      } else {
        values = []
      }
      if !values.isEmpty {
        var accepted = false
        world.simulation.modify(handle.group) { accepted = $0.setParameterValues(values, of: member, at: handle.range) }
        guard accepted else {
          throw failure(
            "\(member) cannot differ between neurons (only v_rest, v_th, v_reset and R of lif can)", at: memberSpan)
        }
        world.built.neuronParameters[handle.group, default: []].append((member, handle.range, values))
        return
      }
    }
    model.values[member] = try Builtins.checkParameter(parameter, value, valueExpr.span, context)
    if let problem = model.kind.validate(model.values) {
      throw failure(problem, at: objectExpr.span.through(valueExpr.span))
    }
    switch object {
    case .neuron(let handle):
      world.models[handle.group] = model
      // A one-neuron group built with the new values hands its parameters over.
      let carrier = model.makeGroup(count: 1)
      world.simulation.modify(handle.group) { _ = $0.takeParameters(of: carrier) }
    default:
      if case .name(let name) = objectExpr.kind { _ = scope.assign(name, .model(model)) }
    }
  }
}
