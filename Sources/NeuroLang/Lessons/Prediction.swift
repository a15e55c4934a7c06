import NeuroUnits

extension Lesson {
  /// A question the student answers before the simulation that settles it runs: a `## Predict: …`
  /// section with a ```predict block, the ```neuro code after it (run once the student has
  /// committed) and an ```explain block (shown with the result). The block is `key: value` lines:
  ///
  ///     question: How many spikes does n fire?     question: After the pairings, the weight has
  ///     unit: none                                 choice: grown when w > w0
  ///     truth: spike_count(n)                      choice: shrunk when w < w0
  ///
  /// `unit:` is a unit the answer is given in (`Hz`, `ms`) or `none` for a plain number such as a
  /// count; `truth:` is the expression, worked out after the run, that the prediction is compared with.
  public struct Prediction: Sendable {
    public var title: String
    public var question: String
    public var answer: Answer
    /// Shown after the result: why the simulation gives what it gives.
    public var explanation: String
    /// The line of the ```predict block in the file.
    public var line: Int

    public enum Answer: Sendable {
      /// A number in `unit` (nil: a plain number), compared with the value of `truth`.
      case number(unit: Unit?, truth: String)
      /// One of the options; the simulation's answer is the one whose condition is true.
      case choice([Choice])
    }

    /// An option the student can pick, and the expression that is true when it is what happens.
    public struct Choice: Sendable {
      public var label: String
      public var condition: String
    }

    /// The unit's words for the student: `a frequency in Hz`, `a plain number`.
    public var askedFor: String {
      guard case .number(let unit, _) = answer else { return "one of the choices" }
      guard let unit else { return "a plain number" }
      return "\(unit.dimension.word.withArticle) in \(unit.symbol)"
    }
  }

  /// Reads the `key: value` lines of a ```predict block.
  static func prediction(_ lines: [String], from firstLine: Int, title: String) throws -> Prediction {
    var question = "", unitName: String? = nil, truth: String? = nil
    var choices: [Prediction.Choice] = []
    for (offset, raw) in lines.enumerated() {
      let text = raw.trimmed()
      guard !text.isEmpty else { continue }
      let line = firstLine + offset
      guard let colon = text.firstIndex(of: ":") else {
        throw FormatError(line: line, message: "a ```predict line is key: value (question, unit, truth or choice)")
      }
      let value = text[text.index(after: colon)...].trimmed()
      switch text[..<colon].trimmed() {
      case "question": question = value
      case "unit": unitName = value
      case "truth": truth = value
      case "choice":
        guard let split = value.firstRange(of: " when ") else {
          throw FormatError(
            line: line, message: "a choice is its words, then `when` and the expression: grown when w > w0")
        }
        choices.append(
          .init(label: value[..<split.lowerBound].trimmed(), condition: value[split.upperBound...].trimmed()))
      default:
        throw FormatError(line: line, message: "a ```predict line starts with question:, unit:, truth: or choice:")
      }
    }
    guard !question.isEmpty else {
      throw FormatError(line: firstLine - 1, message: "a ```predict block needs question:")
    }
    if !choices.isEmpty {
      guard unitName == nil, truth == nil else {
        throw FormatError(line: firstLine - 1, message: "a ```predict block has choices or unit: and truth:, not both")
      }
      guard choices.count >= 2 else {
        throw FormatError(line: firstLine - 1, message: "a prediction among choices needs at least two choice: lines")
      }
      return Prediction(
        title: title, question: question, answer: .choice(choices), explanation: "", line: firstLine - 1)
    }
    guard let unitName, let truth, !truth.isEmpty else {
      throw FormatError(
        line: firstLine - 1, message: "a ```predict block needs unit: (a unit, or none) and truth: (an expression)")
    }
    var unit: Unit? = nil
    if unitName != "none" {
      guard let known = UnitTable.unit(named: unitName) else {
        throw FormatError(
          line: firstLine - 1, message: "unknown unit '\(unitName)' in unit: (write none for a plain number)")
      }
      unit = known
    }
    return Prediction(
      title: title, question: question, answer: .number(unit: unit, truth: truth), explanation: "", line: firstLine - 1)
  }
}

extension String {
  /// The words after `a` or `an` (`a frequency`, `an area`); as they are when they have one.
  var withArticle: String {
    if hasPrefix("a ") || hasPrefix("an ") { return self }
    return ("aeiou".contains { first == $0 } ? "an " : "a ") + self
  }
}
