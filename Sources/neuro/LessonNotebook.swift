import FoundationEssentials
import NeuroLang

/// `neuro lesson N --notebook [OUT.ipynb]`: a lesson as a Jupyter notebook (nbformat 4.5) for the neuro kernel.
/// Its prose becomes Markdown cells and its examples code cells; the claims of ```expect blocks are left out
/// (the lesson never shows them either). An exercise is its statement, an empty cell for the answer and, folded
/// away, what is checked, the hints and the solution (run in a cell of its own before an example that builds on
/// it, so that the notebook runs whole); a prediction asks for a guess in a comment first.
enum LessonNotebook {
  /// Writes lesson `number` to `output` (default: the lesson's file name with `.ipynb`, here); an exit code.
  static func write(lesson number: Int, to output: String?) -> Int32 {
    guard let folder = Session.lessonFolder() else {
      Output.problem("no lessons folder found", hint: "set NEURO_LESSONS to the folder of lesson files")
      return ExitCode.fileError
    }
    let library = LessonLibrary(folder: folder)
    guard let entry = library.entry(number) else {
      let numbers = library.entries.map { String($0.number) }.joined(separator: ", ")
      Output.problem("there is no lesson \(number)", hint: "the lessons are \(numbers)")
      return ExitCode.usage
    }
    let path = output ?? entry.id + ".ipynb"
    var title = entry.id
    do {
      let lesson = try library.load(entry)
      title = lesson.title
      try FileSaving.write(text(lesson, number: number), to: path)
    } catch {
      Output.problem("\(error)")
      return ExitCode.fileError
    }
    Output.out("wrote \(path): lesson \(number), \(title), for the neuro Jupyter kernel\n")
    return ExitCode.success
  }

  /// The notebook as JSON text.
  static func text(_ lesson: Lesson, number: Int) -> String {
    let notebook: JSONValue = [
      "nbformat": 4, "nbformat_minor": 5,
      "metadata": [
        "kernelspec": ["name": "neuro", "display_name": "neuro", "language": "neuro"],
        "language_info": ["name": "neuro", "file_extension": ".neuro", "mimetype": "text/x-neuro"],
      ],
      "cells": .array(
        cells(lesson, number: number).enumerated().map { index, cell in cell.json(id: "cell-\(index + 1)") }),
    ]
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    let data = (try? encoder.encode(notebook)).map(Array.init) ?? Array("{}".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// A cell: Markdown, or code for the kernel.
  struct Cell {
    var isCode: Bool
    var source: String

    /// The cell in nbformat 4.5, its source as lines.
    func json(id: String) -> JSONValue {
      var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
      if let last = lines.indices.last { lines[last].removeLast() }
      var cell: [String: JSONValue] = [
        "cell_type": .string(isCode ? "code" : "markdown"), "id": .string(id), "metadata": [:],
        "source": .array(lines.map(JSONValue.string)),
      ]
      if isCode {
        cell["outputs"] = []
        cell["execution_count"] = .null
      }
      return .object(cell)
    }
  }

  /// The cells in lesson order, Markdown next to Markdown joined into one.
  static func cells(_ lesson: Lesson, number: Int) -> [Cell] {
    var cells: [Cell] = []
    func markdown(_ text: String, newCell: Bool = false) {
      if !newCell, let last = cells.last, !last.isCode {
        cells[cells.count - 1].source += "\n\n" + text
      } else {
        cells.append(Cell(isCode: false, source: text))
      }
    }
    func code(_ text: String) { cells.append(Cell(isCode: true, source: text)) }

    markdown(
      "# \(lesson.title)\n\n*Lesson \(number) of neuro. In a terminal, `neuro lesson \(number)` runs it with its "
        + "exercises checked as you go; here, run the cells in order.*")
    /// The exercises since the world was last fresh, whose answers what follows may build on.
    var answered: [Lesson.Exercise] = []
    for (index, step) in lesson.steps.enumerated() {
      if let heading = step.heading { markdown("## \(heading)", newCell: true) }
      if step.startsFresh { answered = [] }
      if step.startsFresh, index > 0 {
        markdown(
          "*The lesson starts this section in a fresh world. A notebook cannot empty its world (`:reset` is the "
            + "terminal's), so the next cell runs `reset`: the clock goes back to 0 ms and recordings are cleared, "
            + "while the neurons above stay. Restart the kernel for an empty world.*")
        code("reset")
      }
      for block in step.content {
        switch block {
        case .prose(let text): markdown(text)
        case .example(let text, _, _):
          if !answered.isEmpty {
            markdown(
              "*What follows builds on the \(answered.count == 1 ? "exercise" : "exercises") above: the next cell "
                + "runs the solution, so that the notebook runs whole. Skip it if your answer passed.*")
            code(answered.map(\.solution).joined(separator: "\n"))
            answered = []
          }
          code(text)
        case .prediction:
          guard let prediction = step.prediction else { continue }
          markdown(ask(prediction))
          code("# my guess: ")
        }
      }
      if let prediction = step.prediction {
        markdown("<details><summary>Why</summary>\n\n\(prediction.explanation)\n\n</details>")
      }
      if let exercise = step.exercise {
        markdown("Write your answer in the next cell and run it.")
        code("# your answer")
        markdown(folded(exercise))
        answered.append(exercise)
      }
    }
    return cells
  }

  /// A prediction's question, asked before the cell that settles it.
  private static func ask(_ prediction: Lesson.Prediction) -> String {
    var text = "**Predict:** \(prediction.question)"
    switch prediction.answer {
    case .number: text += " (\(prediction.askedFor))"
    case .choice(let choices): text += "\n\n" + choices.map { "- \($0.label)" }.joined(separator: "\n")
    }
    return text + "\n\nWrite your guess in the next cell as a comment (`# my guess: …`) before you run the cell "
      + "after it."
  }

  /// What an exercise checks, its hints and its solution, each folded in a `<details>`.
  private static func folded(_ exercise: Lesson.Exercise) -> String {
    let checks = exercise.checks.map { "- `\($0.expression)`: \($0.message)" }.joined(separator: "\n")
    var parts = ["<details><summary>What is checked</summary>\n\n\(checks)\n\n</details>"]
    for (index, hint) in exercise.hints.enumerated() {
      parts.append("<details><summary>Hint \(index + 1)</summary>\n\n\(hint)\n\n</details>")
    }
    parts.append("<details><summary>Solution</summary>\n\n```neuro\n\(exercise.solution)\n```\n\n</details>")
    return parts.joined(separator: "\n\n")
  }
}
