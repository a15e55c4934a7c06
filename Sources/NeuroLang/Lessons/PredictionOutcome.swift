import NeuroUnits

extension Interpreter {
  /// What the simulation this session ran says a prediction's answer is: the value of its truth,
  /// of the asked unit, or the one choice whose condition holds; a `Diagnostic` when the lesson's
  /// expressions cannot say (the test suite makes sure every lesson's can).
  public func result(of prediction: Lesson.Prediction) throws -> Lesson.Prediction.Guess {
    let name = "prediction '\(prediction.title)'"
    switch prediction.answer {
    case .number(let unit, let truth):
      let value = try value(of: truth, name: name)
      let dimension = unit?.dimension ?? .none
      guard case .quantity(let quantity) = value, quantity.value.isFinite, quantity.dimension == dimension else {
        throw Diagnostic(
          .runtime, "the truth of \(name) gives \(value.describedKind), not \(prediction.askedFor)",
          in: Source(name: name, text: truth))
      }
      return .number(quantity)
    case .choice(let choices):
      var holding: [Int] = []
      for (index, choice) in choices.enumerated() {
        let value = try value(of: choice.condition, name: name)
        guard case .bool(let holds) = value else {
          throw Diagnostic(
            .runtime, "the choice '\(choice.label)' of \(name) gives \(value.describedKind), not true or false",
            in: Source(name: name, text: choice.condition))
        }
        if holds { holding.append(index) }
      }
      guard holding.count == 1 else {
        throw Diagnostic(
          .runtime, "\(holding.count) choices of \(name) hold after the run; exactly one should",
          in: Source(name: name, text: ""))
      }
      return .choice(holding[0])
    }
  }
}

extension Lesson.Prediction {
  /// An answer as the student reads it: `8`, `40 Hz` (in the asked unit), `'grown'`.
  public func shown(_ guess: Guess) -> String {
    switch guess {
    case .choice(let index):
      guard case .choice(let choices) = answer, choices.indices.contains(index) else { return "choice \(index + 1)" }
      return "'\(choices[index].label)'"
    case .number(let quantity):
      guard case .number(let unit?, _) = answer else { return formatNumber(quantity.value, significantDigits: 4) }
      return formatNumber(quantity.value(in: unit), significantDigits: 4) + " " + unit.symbol
    }
  }

  /// The student's guess against the simulation's answer: the sentence that says how far off, and the score.
  public func compare(_ guess: Guess, with result: Guess) -> (sentence: String, score: Double) {
    let opening = "You predicted \(shown(guess)); the simulation gives \(shown(result))"
    switch (guess, result) {
    case (.number(let predicted), .number(let truth)):
      let score = PredictionScore.score(predicted: predicted.value, truth: truth.value)
      let off = PredictionScore.offBy(predicted: predicted.value, truth: truth.value)
      return ("\(opening): \(off). Score: \(PredictionScore.percentText(score)).", score)
    default:
      let right = guess == result
      return ("\(opening): \(right ? "right" : "not this time"). Score: \(right ? 100 : 0) %.", right ? 1 : 0)
    }
  }
}
