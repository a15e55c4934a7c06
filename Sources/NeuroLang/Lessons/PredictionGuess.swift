import NeuroUnits

extension Lesson.Prediction {
  /// What a student predicted: a number (in SI, of the asked unit's dimension) or a choice's index.
  public enum Guess: Equatable, Sendable {
    case number(Quantity)
    case choice(Int)
  }

  /// Reads what the student typed at the prediction prompt. A number may carry arithmetic
  /// (`1/9ms`); a bare number counts in the asked unit; a count may be followed by its word
  /// (`8 spikes`). A choice is its number or its words (or some of them, when they belong to
  /// only one choice). Anything else is a `Diagnostic` that says what to type.
  public func read(_ typed: String) throws -> Guess {
    let text = typed.trimmed()
    let source = Source(name: "<prediction>", text: text)
    let whole = Span(
      start: SourceLocation(offset: 0, line: 1, column: 1),
      end: SourceLocation(offset: text.count, line: 1, column: text.count + 1))
    switch answer {
    case .choice(let choices):
      let labels = choices.map { $0.label.lowercased() }
      let lowered = text.lowercased()
      if let number = Int(lowered), (1...choices.count).contains(number) { return .choice(number - 1) }
      if let exact = labels.firstIndex(of: lowered) { return .choice(exact) }
      let fitting = labels.indices.filter { !lowered.isEmpty && labels[$0].contains(lowered) }
      if fitting.count == 1 { return .choice(fitting[0]) }
      let message =
        text.isEmpty
        ? "no choice typed"
        : fitting.isEmpty
          ? "'\(text)' is not one of the choices"
          : "'\(text)' fits more than one choice: " + fitting.map { choices[$0].label }.joined(separator: ", ")
      throw Diagnostic(
        .runtime, message, at: whole, in: source,
        hint: "type a number from 1 to \(choices.count), or words of one choice: "
          + choices.map(\.label).joined(separator: ", ") + " (:skip runs it without a prediction)")
    case .number(let unit, _):
      return .number(try number(text, in: source, unit: unit, whole: whole))
    }
  }

  private func number(_ text: String, in source: Source, unit: Unit?, whole: Span) throws -> Quantity {
    let example = unit.map { "8\($0.symbol)" } ?? "8"
    let hint = "type \(askedFor), like \(example); :skip runs the simulation without a prediction"
    guard !text.isEmpty else { throw Diagnostic(.runtime, "no prediction typed", hint: hint) }
    // A count followed by what it counts (`8 spikes`) is the count.
    let words = text.split(separator: " ")
    if unit == nil, words.count == 2, Double(words[0]) != nil, UnitTable.unit(named: String(words[1])) == nil,
      words[1].allSatisfy(\.isLetter)
    {
      return Quantity(Double(words[0]) ?? 0)
    }
    var lexer = Lexer(source)
    let allowed: Set<Token.Kind> = [
      .plus, .minus, .star, .slash, .caret, .leftParen, .rightParen, .newline, .endOfInput,
    ]
    let (statements, diagnostics) = Parser.parse(source)
    if var first = diagnostics.first {
      first.hint = first.hint ?? hint
      throw first
    }
    if let other = lexer.tokenize().first(where: { token in
      if case .number = token.kind { return false }
      return !allowed.contains(token.kind)
    }) {
      throw Diagnostic(
        .runtime, "a prediction is a number you choose, not something the session works out", at: other.span,
        in: source, hint: hint)
    }
    guard statements.count == 1, case .expression = statements[0].kind else {
      throw Diagnostic(.runtime, "a prediction is one number", at: whole, in: source, hint: "type one, like \(example)")
    }
    let value: Value
    do {
      value = try Interpreter(host: Host(write: { _ in }, report: { _ in })).value(of: text, name: source.name)
    } catch var problem as Diagnostic {
      problem.hint = problem.hint ?? hint
      throw problem
    }
    guard case .quantity(var quantity) = value, quantity.value.isFinite else {
      throw Diagnostic(
        .runtime, "a prediction is a finite number", at: whole, in: source, hint: "type one, like \(example)")
    }
    guard let unit else {
      guard quantity.dimension.isDimensionless else {
        throw Diagnostic(
          .runtime,
          "the question asks for a plain number, and \(quantity.formatted) is \(quantity.describedKind.withArticle)",
          at: whole, in: source, hint: "type just the number, like \(example)")
      }
      return quantity
    }
    if quantity.dimension.isDimensionless { quantity = Quantity(quantity.value, unit: unit) }
    guard quantity.dimension == unit.dimension else {
      throw Diagnostic(
        .runtime,
        "the question asks for \(askedFor), and \(quantity.formatted) is \(quantity.describedKind.withArticle)",
        at: whole, in: source, hint: unitHint(from: quantity.dimension, to: unit, example: example))
    }
    return quantity
  }

  /// What to type instead of a number of the wrong kind; a time for a rate (or back) says how one gives the other.
  private func unitHint(from given: Dimension, to unit: Unit, example: String) -> String {
    let asked = "give it in \(unit.symbol), like \(example) (a bare number counts in \(unit.symbol))"
    if given == .time && unit.dimension == .frequency { return asked + "; a rate is one over a time: 1/25ms is 40 Hz" }
    if given == .frequency && unit.dimension == .time { return asked + "; a time is one over a rate: 1/40Hz is 25 ms" }
    return asked
  }
}
