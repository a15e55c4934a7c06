import NeuroPlot

/// `report "r.md"`: the session as a Markdown report.
extension Interpreter {
  /// Writes the statements of the session that ran without an error (since it last started afresh),
  /// each with what it printed and each figure it showed, as Markdown; whole or not at all.
  func writeReport(to pathExpr: Expr) throws {
    let path = try filePath(pathExpr)
    if let confirm = host.confirmWrite, !confirm(path) {
      throw failure("'\(path)' was not written: writing was not allowed", at: pathExpr.span)
    }
    do {
      try FileSaving.write(reportText, to: path)
    } catch let error as SourceFileError {
      throw failure(error.description, at: pathExpr.span)
    }
    let figures = sessionRecord.reduce(0) { $0 + $1.figures.count }
    host.write(
      "wrote the report \(path): \(sessionRecord.count) \(sessionRecord.count == 1 ? "statement" : "statements"), "
        + "\(figures) \(figures == 1 ? "figure" : "figures")\n")
  }

  /// The report: each statement in a `neuro` block, what it printed in a text block, each figure drawn in
  /// plain characters (80 columns) in another.
  var reportText: String {
    let renderer = TerminalRenderer(width: 80, height: 14, style: .ascii, color: false)
    var lines = [
      "# A neuro session",
      "",
      "The statements that ran without an error, in order, each with what it printed and showed.",
    ]
    var figureNumber = 0
    for entry in sessionRecord {
      lines += ["", "```neuro", entry.statement, "```"]
      let output = entry.output.hasSuffix("\n") ? String(entry.output.dropLast()) : entry.output
      if !output.isEmpty { lines += ["", "```text", output, "```"] }
      for figure in entry.figures {
        figureNumber += 1
        let title = figure.heading.isEmpty ? "" : ": \(figure.heading)"
        let drawing = renderer.render(figure)
        lines += ["", "Figure \(figureNumber)\(title)", "", "```text", String(drawing.dropLast()), "```"]
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
