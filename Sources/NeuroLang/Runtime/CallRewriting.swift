import NeuroUnits

/// A student's call written back with some arguments changed, for hints that propose the
/// student's own values, corrected: `psth(inp, bin: 50ms)` for `psth(inp, 50ms)`.
struct CallRewriting {
  let source: Source
  let callee: String
  let arguments: [Argument]

  init(source: Source, callee: String, arguments: [Argument]) {
    self.source = source
    self.callee = callee
    self.arguments = arguments
  }

  /// The call as written, with `change` giving the new text of an argument (nil keeps it as written).
  func rewritten(_ change: (Int, Argument) -> String?) -> String {
    let parts = arguments.enumerated().map { i, argument in
      change(i, argument) ?? written(argument)
    }
    return "\(callee)(\(parts.joined(separator: ", ")))"
  }

  /// An argument as the student wrote it: `50ms`, `bin: 50ms`.
  func written(_ argument: Argument) -> String {
    let value = source.text(argument.value.span)
    return argument.label.map { "\($0): \(value)" } ?? value
  }

  /// The text of an argument's value as written.
  func valueText(_ argument: Argument) -> String { source.text(argument.value.span) }
}

/// The unit written after a number literal (`nA` in `2nA`), nil for a plain number or anything else.
func writtenUnit(of expr: Expr, in source: Source) -> String? {
  var inner = expr
  if case .unary(_, let operand) = inner.kind { inner = operand }
  guard case .number(let q) = inner.kind, !q.dimension.isDimensionless else { return nil }
  let text = source.text(inner.span)
  let unit = text.drop {
    $0.isNumber || $0 == "." || $0 == "_" || $0 == " " || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-"
  }
  return unit.isEmpty ? nil : String(unit)
}
