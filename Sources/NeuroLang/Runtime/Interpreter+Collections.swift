import NeuroEngine
import NeuroUnits

/// Indexing, slicing, ranges and unit conversion.
extension Interpreter {
  /// `xs[i]` on a list or string; `n.v[i]` (a sample) or `n.v[20ms]` (the value at a time) on a trace.
  func subscriptValue(_ objectExpr: Expr, _ indexExpr: Expr) throws -> Value {
    let object = try evaluate(objectExpr)
    let index = try evaluate(indexExpr)
    if case .neuron(var handle) = object {
      let i = try wholeIndex(index, indexExpr)
      guard i >= 0, i < handle.range.count else {
        throw failure(
          "\(handle.label) has \(handle.range.count) neurons, indices 0 to \(handle.range.count - 1)",
          at: indexExpr.span)
      }
      handle.range = (handle.range.lowerBound + i)..<(handle.range.lowerBound + i + 1)
      return .neuron(handle)
    }
    if case .trace(let t) = object, case .quantity(let q) = index, q.dimension == .time {
      let i = Int(clampingToSteps: (q.value - t.trace.start) / t.trace.dt)
      guard i >= 0, i < t.trace.values.count else {
        throw failure(
          "\(q.formatted) is outside the recording (\(Quantity(t.trace.start, .time).formatted) to "
            + "\(Quantity(t.trace.end, .time).formatted))",
          at: indexExpr.span)
      }
      return .quantity(Quantity(t.trace.values[i], t.dimension))
    }
    let count: Int
    switch object {
    case .list(let items): count = items.count
    case .string(let s): count = s.count
    case .trace(let t): count = t.trace.values.count
    default:
      throw failure("\(object.describedKind) cannot be indexed", at: objectExpr.span)
    }
    let i = try wholeIndex(index, indexExpr)
    guard i >= 0, i < count else {
      throw failure(
        "index \(i) is outside the \(object.describedKind.replacing("a ", with: "")) (\(count) items, indices 0 to "
          + "\(count - 1))",
        at: indexExpr.span)
    }
    switch object {
    case .list(let items): return items[i]
    case .string(let s): return .string(String(s[s.index(s.startIndex, offsetBy: i)]))
    case .trace(let t): return .quantity(Quantity(t.trace.values[i], t.dimension))
    default: return .nothing
    }
  }

  /// Numbers from the engine (spike times, intervals) as a list of quantities, refused with a diagnostic
  /// when the list would not fit in the memory the world may use.
  func numberList(_ values: [Double], _ dimension: Dimension, at span: Span) throws -> Value {
    let bytes = World.bytes(ofNumbers: values.count)
    guard world.fits(bytes) else {
      throw failure(
        "a list of \(formatNumber(Double(values.count))) numbers would need about \(formatBytes(bytes)) of memory",
        at: span, hint: "\(MemoryBudget.described); ask for fewer neurons (a slice such as p[0..99]) or a shorter run")
    }
    return .list(ValueList(numbers: values, dimension: dimension))
  }

  /// `append(xs, v)`: the list held in `name` with `v` at its end, in place; gives no value.
  func append(_ itemExpr: Expr, to name: String, at nameSpan: Span, _ expr: Expr) throws -> Value {
    let held = try lookup(name, at: nameSpan)
    guard case .list(var items) = held else {
      throw failure("append needs a list, found \(held.describedKind)", at: nameSpan)
    }
    items.append(try evaluate(itemExpr))
    _ = scope.assign(name, try checkNesting(.list(items), at: expr.span))
    return .nothing
  }

  /// A value that must be a whole, plain number (an index).
  func wholeIndex(_ value: Value, _ expr: Expr) throws -> Int {
    guard case .quantity(let q) = value, q.dimension.isDimensionless, q.value == q.value.rounded(), abs(q.value) < 1e15,
      let index = Int(checking: q.value)
    else {
      throw failure("an index must be a whole number, found \(value.describedKind)", at: expr.span)
    }
    return index
  }

  /// `xs[a..b]` (both included) on a list or string; `n.v[20ms..60ms]` on a trace.
  func slice(_ objectExpr: Expr, _ fromExpr: Expr?, _ toExpr: Expr?, _ expr: Expr) throws -> Value {
    let object = try evaluate(objectExpr)
    if case .neuron(var handle) = object {
      let lower = try fromExpr.map { try wholeIndex(try evaluate($0), $0) } ?? 0
      let upper = try toExpr.map { try wholeIndex(try evaluate($0), $0) } ?? handle.range.count - 1
      guard lower >= 0, upper < handle.range.count, lower <= upper else {
        throw failure(
          "the slice \(lower)..\(upper) is outside \(handle.label)'s neurons 0..\(handle.range.count - 1)",
          at: expr.span)
      }
      handle.range = (handle.range.lowerBound + lower)..<(handle.range.lowerBound + upper + 1)
      return .neuron(handle)
    }
    if case .trace(var t) = object {
      let start = try fromExpr.map { try time($0, "a trace slice") } ?? t.trace.start
      let end = try toExpr.map { try time($0, "a trace slice") } ?? t.trace.end
      let first = max(0, Int(clampingToSteps: (start - t.trace.start) / t.trace.dt))
      let last = min(t.trace.values.count - 1, Int(clampingToSteps: (end - t.trace.start) / t.trace.dt))
      guard first <= last else { throw failure("this time window holds no samples of \(t.label)", at: expr.span) }
      t.trace = Trace(start: t.trace.time(at: first), dt: t.trace.dt, values: Array(t.trace.values[first...last]))
      t.spikeTimes = t.spikeTimes.filter { $0 >= t.trace.start && $0 <= t.trace.end }
      return .trace(t)
    }
    let count: Int
    switch object {
    case .list(let items): count = items.count
    case .string(let s): count = s.count
    default: throw failure("\(object.describedKind) cannot be sliced", at: objectExpr.span)
    }
    let lower = try fromExpr.map { try wholeIndex(try evaluate($0), $0) } ?? 0
    let upper = try toExpr.map { try wholeIndex(try evaluate($0), $0) } ?? count - 1
    guard lower >= 0, upper < count, lower <= upper + 1 else {
      throw failure("the slice \(lower)..\(upper) is outside 0..\(count - 1)", at: expr.span)
    }
    switch object {
    case .list(let items): return .list(Array(items[lower..<(upper + 1)]))
    case .string(let s): return .string(String(Array(s)[lower..<(upper + 1)]))
    default: return .nothing
    }
  }

  /// `a to b step s`: every value from a to b (both included), as a list.
  func range(_ fromExpr: Expr, _ toExpr: Expr, _ stepExpr: Expr?, _ expr: Expr) throws -> Value {
    let (from, to) = (try quantity(fromExpr, "a range"), try quantity(toExpr, "a range"))
    guard from.dimension == to.dimension else {
      throw failure("a range cannot go from \(from.describedKind) to \(to.describedKind)", at: expr.span)
    }
    let step: Quantity
    if let stepExpr {
      step = try quantity(stepExpr, "a range's step")
      guard step.dimension == from.dimension else {
        throw failure(
          "the step must be a \(from.dimension.word) like the ends, not \(step.describedKind)", at: stepExpr.span,
          hint: Value.quantity(step).writtenWithUnit(from.dimension).map { "add a unit: step \($0)" })
      }
    } else {
      guard from.dimension.isDimensionless else {
        throw failure(
          "a range of \(from.dimension.word)s needs a step", at: expr.span,
          hint:
            "for example: \(from.typed) to \(to.typed) "
            + "step 1\(from.dimension.naturalSymbol)"
        )
      }
      step = Quantity(to.value >= from.value ? 1 : -1)
    }
    guard step.value != 0, (to.value - from.value) * step.value >= 0 || to.value == from.value else {
      throw failure(
        "a step of \(step.formatted) never gets from \(from.formatted) to \(to.formatted)", at: (stepExpr ?? expr).span)
    }
    let count = ((to.value - from.value) / step.value * (1 + 1e-12)).rounded(.down) + 1
    guard count <= 10_000_000, let whole = Int(checking: count) else {
      throw failure("this range would hold \(formatNumber(count)) values; at most 10 million", at: expr.span)
    }
    return .list((0..<max(0, whole)).map { .quantity(Quantity(from.value + Double($0) * step.value, from.dimension)) })
  }

  /// The value of an expression that must be a number (with or without unit).
  func quantity(_ expr: Expr, _ role: String) throws -> Quantity {
    let value = try evaluate(expr)
    guard case .quantity(let q) = value else {
      throw failure("\(role) needs a number, found \(value.describedKind)", at: expr.span)
    }
    return q
  }

  /// `x in mV` gives the number of millivolts; `x as mV` keeps the quantity, printed in mV.
  /// Lists convert item by item.
  func convert(_ value: Value, _ unit: Unit, _ unitText: String, _ keepsUnit: Bool, _ valueSpan: Span, _ unitSpan: Span)
    throws -> Value
  {
    switch value {
    case .list(let items):
      return .list(try items.map { try convert($0, unit, unitText, keepsUnit, valueSpan, unitSpan) })
    case .quantity(var q):
      guard q.dimension == unit.dimension else {
        throw failure(
          "cannot express \(q.describedKind) in \(unitText), a unit of \(unit.dimension.word)", at: valueSpan,
          hint: UnitHints.hint(q.dimension, unit.dimension))
      }
      if !keepsUnit { return .quantity(Quantity(q.value / unit.scale)) }
      q.displayUnit = unit
      return .quantity(q)
    default:
      throw failure("only numbers and lists of numbers can be converted, not \(value.describedKind)", at: valueSpan)
    }
  }
}
