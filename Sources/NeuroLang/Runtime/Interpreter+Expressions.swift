#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroEngine
import NeuroUnits

/// Evaluating expressions: arithmetic with units, names, calls, members, strings, records.
extension Interpreter {
  /// The value of an expression.
  func evaluate(_ expr: Expr) throws -> Value {
    evaluationDepth += 1
    defer { evaluationDepth -= 1 }
    guard evaluationDepth <= Self.maximumEvaluationDepth else {
      throw failure(
        "expressions and calls nested too deeply to evaluate (more than \(Self.maximumEvaluationDepth) levels)",
        at: expr.span)
    }
    switch expr.kind {
    case .number(let q): return .quantity(q)
    case .string(let s): return .string(s)
    case .bool(let b): return .bool(b)
    case .name(let name): return try lookup(name, at: expr.span)
    case .list(let items): return try checkNesting(.list(try items.map(evaluate)), at: expr.span)
    case .unary(let op, let operand): return try unary(op, operand, expr)
    case .binary(.and, let left, let right):
      return .bool(try condition(left, "and") ? try condition(right, "and") : false)
    case .binary(.or, let left, let right):
      return .bool(try condition(left, "or") ? true : try condition(right, "or"))
    case .binary(.divide, let left, let right):
      return try binary(.divide, try evaluate(left), try divisor(right), expr, right)
    case .binary(let op, let left, let right):
      return try binary(op, try evaluate(left), try evaluate(right), expr, right)
    case .call(let callee, let arguments): return try call(callee, arguments, expr)
    case .append(let list, let listSpan, let item): return try append(item, to: list, at: listSpan, expr)
    case .member(let object, let name, let nameSpan): return try member(object, name, nameSpan)
    case .index(let object, let index): return try subscriptValue(object, index)
    case .slice(let object, let from, let to): return try slice(object, from, to, expr)
    case .interpolation(let parts):
      return .string(
        try parts.map { part in
          switch part {
          case .text(let text): return text
          case .expression(let e): return text(of: try evaluate(e), quoted: false)
          }
        }.joined())
    case .record(let fields):
      return try checkNesting(
        .record(Record(fields: try fields.map { ($0.name, try evaluate($0.value)) })), at: expr.span)
    case .range(let from, let to, let step): return try range(from, to, step, expr)
    case .convert(let inner, let unit, let unitText, let unitSpan, let keepsUnit):
      return try convert(try evaluate(inner), unit, unitText, keepsUnit, inner.span, unitSpan)
    case .load(let pathExpr): return try load(pathExpr, expr)
    }
  }

  /// The right side of `/`: a unit name that is not a defined name stands for one of that unit
  /// (`0.02/ms`, `1/s`); a variable of the same name (a user's `s`) comes first.
  private func divisor(_ right: Expr) throws -> Value {
    if case .name(let name) = right.kind, scope.lookup(name) == nil, name != "dt", Builtins.all[name] == nil,
      let unit = UnitTable.unit(named: name)
    {
      return .quantity(Quantity(1, unit: unit))
    }
    return try evaluate(right)
  }

  func lookup(_ name: String, at span: Span) throws -> Value {
    if let value = scope.lookup(name) { return value }
    if name == "dt" { return .quantity(Quantity(world.simulation.dt, .time)) }
    if name == "now" { return .quantity(Quantity(world.now, .time)) }
    if let builtin = Builtins.all[name] { return .builtin(builtin) }
    if let kind = ModelKind.all[name] { return .builtin(Builtins.modelConstructor(kind)) }
    if Builtins.forms.contains(name) {
      throw failure("\(name) is written with its arguments: \(name)(xs, v) adds v to the list xs", at: span)
    }
    let known = scope.visibleNames + Array(Builtins.reservedNames) + ["dt", "now"]
    var hint = closestName(to: name, among: known).map { "did you mean '\($0)'?" }
    if hint == nil, UnitTable.unit(named: name) != nil {
      hint = "a unit goes right after a number: 1\(name)"
    }
    throw failure("unknown name '\(name)'", at: span, hint: hint)
  }

  private func unary(_ op: UnaryOperator, _ operand: Expr, _ expr: Expr) throws -> Value {
    let value = try evaluate(operand)
    switch (op, value) {
    case (.negate, .quantity(let q)): return .quantity(-q)
    case (.not, .bool(let b)): return .bool(!b)
    case (.negate, _):
      throw failure("cannot negate \(value.describedKind)", at: expr.span)
    case (.not, _):
      throw failure("'not' needs true or false, found \(value.describedKind)", at: expr.span)
    }
  }

  private func binary(_ op: BinaryOperator, _ a: Value, _ b: Value, _ expr: Expr, _ right: Expr) throws -> Value {
    switch (a, b) {
    case (.quantity(let x), .quantity(let y)):
      return try arithmetic(op, x, y, expr, right)
    case (.string(let x), .string(let y)):
      switch op {
      case .add: return .string(x + y)
      case .equal: return .bool(x == y)
      case .notEqual: return .bool(x != y)
      default: break
      }
    case (.bool(let x), .bool(let y)):
      if op == .equal { return .bool(x == y) }
      if op == .notEqual { return .bool(x != y) }
    case (.list(let x), .list(let y)) where op == .add:
      return .list(x + y)
    case (.list, .list) where op == .equal || op == .notEqual:
      return .bool(try valuesEqual(a, b, expr, right) == (op == .equal))
    case (.list(let items), .quantity(let q)) where [.multiply, .divide, .add, .subtract].contains(op):
      return .list(try items.map { try binary(op, $0, .quantity(q), expr, right) })
    case (.quantity(let q), .list(let items)) where [.multiply, .add, .subtract].contains(op):
      return .list(try items.map { try binary(op, .quantity(q), $0, expr, right) })
    default:
      break
    }
    if op == .equal || op == .notEqual, !sameKind(a, b) {
      throw failure("cannot compare \(a.describedKind) with \(b.describedKind)", at: expr.span)
    }
    var hint: String? = nil
    if op == .add, case .string = a { hint = "put values into a string with braces: \"v = {x}\"" }
    if case .trace = a { hint = "measure a trace with max, min or mean: max(n.v)" }
    throw failure("cannot \(verb(op)) \(a.describedKind) and \(b.describedKind)", at: expr.span, hint: hint)
  }

  /// Equality of two lists, item by item (numbers of different units are unequal, not an error).
  private func valuesEqual(_ a: Value, _ b: Value, _ expr: Expr, _ right: Expr) throws -> Bool {
    switch (a, b) {
    case (.list(let x), .list(let y)):
      guard x.count == y.count else { return false }
      return try zip(x, y).allSatisfy { try valuesEqual($0, $1, expr, right) }
    case (.quantity(let x), .quantity(let y)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.bool(let x), .bool(let y)): return x == y
    default: return false
    }
  }

  private func sameKind(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.quantity, .quantity), (.bool, .bool), (.string, .string): return true
    default: return false
    }
  }

  private func arithmetic(_ op: BinaryOperator, _ x: Quantity, _ y: Quantity, _ expr: Expr, _ right: Expr)
    throws -> Value
  {
    switch op {
    case .add, .subtract, .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
      guard x.dimension == y.dimension else {
        throw failure(
          "cannot \(verb(op)) \(x.describedKind) and \(y.describedKind)", at: expr.span,
          hint: UnitHints.hint(x.dimension, y.dimension))
      }
      switch op {
      case .add: return .quantity(Quantity(x.value + y.value, x.dimension))
      case .subtract: return .quantity(Quantity(x.value - y.value, x.dimension))
      case .less: return .bool(x.value < y.value)
      case .lessEqual: return .bool(x.value <= y.value)
      case .greater: return .bool(x.value > y.value)
      case .greaterEqual: return .bool(x.value >= y.value)
      case .equal: return .bool(x.value == y.value)
      default: return .bool(x.value != y.value)
      }
    case .multiply:
      return .quantity(try checked(x * y, expr))
    case .divide:
      if y.value == 0 { throw failure("division by zero", at: right.span) }
      return .quantity(try checked(x / y, expr))
    case .power:
      return .quantity(try power(x, y, expr, right))
    case .and, .or:
      throw failure("'\(op.rawValue)' needs true or false", at: expr.span)
    }
  }

  private func power(_ x: Quantity, _ y: Quantity, _ expr: Expr, _ right: Expr) throws -> Quantity {
    guard y.dimension.isDimensionless else {
      throw failure("an exponent must be a plain number, not \(y.describedKind)", at: right.span)
    }
    if x.dimension.isDimensionless { return try checked(Quantity(Glibc.pow(x.value, y.value)), expr) }
    guard y.value == y.value.rounded(), abs(y.value) <= 12, let n = Int32(checking: y.value) else {
      throw failure(
        "\(x.dimension.word) can only be raised to a whole power up to 12, not \(formatNumber(y.value))",
        at: right.span, hint: "units have whole-number exponents: write x ^ 2, not x ^ 0.5")
    }
    return try checked(Quantity(Glibc.pow(x.value, y.value), x.dimension.power(n)), expr)
  }

  /// Refuses results that left the finite numbers or carry absurd units.
  func checked(_ q: Quantity, _ expr: Expr) throws -> Quantity {
    if q.dimension.largestExponent > 24 {
      throw failure("this unit is too complex to be physical (\(q.dimension.siSymbol))", at: expr.span)
    }
    if !q.value.isFinite {
      throw failure("the result is too large to represent", at: expr.span)
    }
    return q
  }

  private func verb(_ op: BinaryOperator) -> String {
    switch op {
    case .add: return "add"
    case .subtract: return "subtract"
    case .multiply: return "multiply"
    case .divide: return "divide"
    case .power: return "raise"
    default: return "compare"
    }
  }

  private func member(_ objectExpr: Expr, _ name: String, _ nameSpan: Span) throws -> Value {
    let object = try evaluate(objectExpr)
    switch object {
    case .neuron(let handle):
      return try neuronMember(handle, name, nameSpan)
    case .connection(let handle):
      return try connectionMember(handle, name, nameSpan)
    case .dataset(let data):
      return try datasetMember(data, name, nameSpan)
    case .hopfield(let network):
      return try hopfieldMember(network, name, nameSpan)
    case .model(let model):
      guard let parameter = model.kind.parameter(name) else {
        throw unknownMember(name, of: model.kind, at: nameSpan)
      }
      return .quantity(Quantity(model.values[name] ?? parameter.defaultValue, parameter.dimension))
    case .record(let record):
      guard let value = record[name] else {
        let names = record.fields.map(\.name)
        throw failure(
          "the record has no field '\(name)'", at: nameSpan,
          hint: closestName(to: name, among: names).map { "did you mean '\($0)'?" }
            ?? "its fields are \(names.joined(separator: ", "))")
      }
      return value
    case .table(let table):
      // A column of a table, as a list: fixed_points(…).kind.
      guard let column = table.columns.first(where: { $0.name == name }) else {
        let names = table.columns.map(\.name)
        throw failure(
          "the table has no column '\(name)'", at: nameSpan,
          hint: closestName(to: name, among: names).map { "did you mean '\($0)'?" }
            ?? "its columns are \(names.joined(separator: ", "))")
      }
      return .list(ValueList(column.values))
    default:
      throw failure("\(object.describedKind) has no member '\(name)'", at: nameSpan)
    }
  }

  func unknownMember(_ name: String, of kind: ModelKind, at span: Span) -> Diagnostic {
    let names = kind.parameters.map(\.name) + kind.variables.map(\.name)
    let hint =
      closestName(to: name, among: names).map { "did you mean '\($0)'?" }
      ?? "a \(kind.name) neuron has \(names.joined(separator: ", "))"
    return failure("a \(kind.name) neuron has no '\(name)'", at: span, hint: hint)
  }
}
