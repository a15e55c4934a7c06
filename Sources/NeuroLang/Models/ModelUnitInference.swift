import NeuroUnits

/// Inferring the unit of each state variable of a model before its expressions are typed.
extension ModelExpressionChecker {
  /// Gives each state variable a dimension: from its initial value, else from what it is added to,
  /// subtracted from or compared with, else from its equation's right side. Gives back the parameter
  /// each state variable was matched with (`E_L - v`): its natural starting value.
  mutating func inferStateDimensions(of declaration: ModelDeclaration) throws -> [String: String] {
    var partners: [String: String] = [:]
    for field in declaration.initialValues {
      stateDimensions[field.name] = try inferred(field.value, &partners) ?? Dimension.none
    }
    for _ in 0...states.count {
      for equation in declaration.equations {
        let rate = try inferred(equation.rightSide, &partners)
        if stateDimensions[equation.state] == nil, let rate { stateDimensions[equation.state] = rate * .time }
      }
      if let condition = declaration.condition { _ = try inferred(condition, &partners) }
      for reset in declaration.resets {
        let value = try inferred(reset.value, &partners)
        if stateDimensions[reset.state] == nil, let value, states.contains(reset.state) {
          stateDimensions[reset.state] = value
        }
      }
    }
    for equation in declaration.equations where stateDimensions[equation.state] == nil {
      throw failure(
        "cannot tell the unit of '\(equation.state)'", equation.stateSpan,
        hint: "give it a starting value with its unit: init \(equation.state): 0mV")
    }
    return partners
  }

  /// The dimension if it can be told yet; matches unknown state variables to known partners.
  private mutating func inferred(_ expr: Expr, _ partners: inout [String: String]) throws -> Dimension? {
    switch expr.kind {
    case .number(let q): return q.dimension
    case .name(let name):
      if let d = stateDimensions[name] { return d }
      if states.contains(name) { return nil }
      return try symbol(name, expr.span).dimension
    case .unary(_, let a): return try inferred(a, &partners)
    case .binary(let op, let a, let b):
      let (da, db) = (try inferred(a, &partners), try inferred(b, &partners))
      switch op {
      case .add, .subtract, .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
        if da == nil, let db { match(a, db, partner: b, &partners) }
        if db == nil, let da { match(b, da, partner: a, &partners) }
        return [.add, .subtract].contains(op) ? (da ?? db) : Dimension.none
      case .multiply: return da.flatMap { x in db.map { x * $0 } }
      case .divide: return da.flatMap { x in db.map { x / $0 } }
      case .power:
        guard let da, case .number(let q) = b.kind, abs(q.value) <= Self.largestExponent,
          let n = Int32(checking: q.value)
        else { return nil }
        return da.power(n)
      default: return nil
      }
    case .call: return Dimension.none
    default: return nil
    }
  }

  private mutating func match(_ expr: Expr, _ dimension: Dimension, partner: Expr, _ partners: inout [String: String]) {
    var target = expr
    if case .unary(.negate, let inner) = expr.kind { target = inner }
    guard case .name(let name) = target.kind, states.contains(name), stateDimensions[name] == nil else { return }
    stateDimensions[name] = dimension
    if case .name(let other) = partner.kind, parameters.contains(where: { $0.name == other }) { partners[name] = other }
  }
}
