import NeuroPlot

/// `report "r.md"`: the session as a Markdown report, its figures as SVG drawings beside it.
extension Interpreter {
  /// Writes the statements of the session that ran without an error (since it last started afresh),
  /// each with what it printed and each figure it showed, as Markdown; whole or not at all.
  func writeReport(to pathExpr: Expr) throws {
    let path = try filePath(pathExpr)
    if let confirm = host.confirmWrite, !confirm(path) {
      throw failure("'\(path)' was not written: writing was not allowed", at: pathExpr.span)
    }
    // The figures first, beside the report, so that the report never names a drawing that is not there.
    let figures = sessionRecord.flatMap(\.figures)
    let stem = path.hasSuffix(".md") ? String(path.dropLast(3)) : path
    let drawings = figures.indices.map { "\(stem)-figure-\($0 + 1).svg" }
    do {
      for (figure, drawing) in zip(figures, drawings) {
        try FileSaving.write(SVGRenderer().render(figure), to: drawing)
      }
      try FileSaving.write(reportText(drawings: drawings.map { FilePaths.name(of: $0) }), to: path)
    } catch let error as SourceFileError {
      throw failure(error.description, at: pathExpr.span)
    }
    host.write(
      "wrote the report \(path): \(sessionRecord.count) \(sessionRecord.count == 1 ? "statement" : "statements"), "
        + "\(figures.count) \(figures.count == 1 ? "figure" : "figures")"
        + (figures.isEmpty ? "" : " (drawn beside it as \(FilePaths.name(of: stem))-figure-N.svg)") + "\n")
  }

  /// The report: each statement in a `neuro` block, what it printed in a text block, and each figure
  /// shown as its SVG drawing (the file names in `drawings`, in order), in words (`describe`), and drawn in
  /// plain characters (80 columns).
  func reportText(drawings: [String]) -> String {
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
        let name = "Figure \(figureNumber + 1)" + (figure.heading.isEmpty ? "" : ": \(figure.heading)")
        let words = Builtins.described(figure).split(separator: "\n").joined(separator: " ")
        let drawing = figureNumber < drawings.count ? drawings[figureNumber] : ""
        figureNumber += 1
        lines += ["", "![\(name)](\(drawing))", "", "\(name), in words: \(words)"]
        lines += ["", "```text", String(renderer.render(figure).dropLast()), "```"]
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
