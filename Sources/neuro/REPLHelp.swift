import NeuroLang

/// `:help` on the REPL's own commands: how the REPL reads lines and the lesson commands.
/// The language's topics come from NeuroLang's `Help`; these belong to the REPL alone.
enum REPLHelp {
  /// The REPL's topics.
  static let topics: [String: String] = [
    "lessons": """
    neuro lesson N (or :lesson N) starts lesson N in a fresh world, or resumes it where you stopped.
      :check      check your answer        :hint       a hint (ask again for the next)
      :solution   show one answer          :next       skip ahead (after the last exercise: the next lesson)
      :restart    begin the lesson again   :lessons    list the lessons and your progress
    A Prediction asks for your guess before its simulation runs, then scores it (:help predictions).

    """,
    "predictions": """
    A lesson's prediction asks for a number with its unit, or one of a few choices, before the
    simulation that settles it runs; then it runs, and shows your guess against its result.
      40Hz, 1/25ms   a number with its unit (arithmetic is fine); a bare 40 counts in the unit asked
      8, 8 spikes    a plain number (a count)
      2, grown       a choice: its number or its words
      :skip          run it without a prediction (no score)   Ctrl-C   the prediction keeps waiting
    \(PredictionScore.rule) Scores are kept with your lesson progress (:lessons shows them).

    """,
    "repl": """
    In the REPL an expression prints its value. Unfinished lines (an open bracket, a trailing operator)
    continue on the next line; an empty line ends them.
      :help [TOPIC]   help           :load FILE   run a file in this session
      :reset          start afresh   :quit        leave (or Ctrl-D)
      :save FILE      write the statements that ran without an error (since the last :reset) as a
                      script that builds the same world: neuro FILE runs it again
      :lessons        the lessons    :lesson N    start one (:help lessons lists :check :hint …)
    Ctrl-C clears the line, or stops a running simulation. History is kept in ~/.neuro_history.

    """,
  ]

  /// The text `:help ARGUMENT` shows: a name defined in the session is the student's own, so its help
  /// comes before the REPL's topics; nil when there is none.
  static func text(for argument: String, in interpreter: Interpreter) -> String? {
    let definedHere = interpreter.definitions.contains { $0.name == argument }
    return (definedHere ? nil : topics[argument]) ?? interpreter.help(for: argument)
  }

  /// What to try when there is no help on `argument`: the close topics, else the list.
  static func hint(forMissing argument: String) -> String {
    let close = Help.suggestions(for: argument, among: Array(topics.keys))
    return close.isEmpty ? ":help lists the topics" : "did you mean \(close.map { "'\($0)'" }.joined(separator: ", "))?"
  }
}
