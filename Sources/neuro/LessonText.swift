import NeuroLang

/// A lesson's prose as the terminal shows it: paragraphs refilled to the terminal's width (the
/// file's own line breaks are the teacher's, not the screen's), list items and indented lines
/// (formulas, quoted output) kept as written, lines longer than the screen wrapped at spaces.
enum LessonText {
  static func fitted(_ prose: String, width: Int) -> String {
    var lines: [String] = []
    var paragraph: [String] = []
    func flush() {
      if !paragraph.isEmpty { lines.append(paragraph.joined(separator: " ")) }
      paragraph = []
    }
    for line in prose.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      let trimmed = line.trimmed()
      if trimmed.isEmpty || line.hasPrefix(" ") || line.hasPrefix("\t") {
        flush()
        lines.append(line)
      } else if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
        flush()
        paragraph = [line]
      } else {
        paragraph.append(trimmed)  // the next line of a paragraph or of a list item, or its first
      }
    }
    flush()
    return lines.map { line in
      guard line.count > width else { return line }
      // A list item continues under its text, two columns in.
      if line.hasPrefix("- ") || line.hasPrefix("* ") {
        return TextWrapping.wrap("  " + line.dropFirst(2), width: width).replacingFirstIndent(
          with: String(line.prefix(2)))
      }
      return TextWrapping.wrap(line, width: width)
    }.joined(separator: "\n")
  }
}

extension String {
  /// The text with its first two columns replaced (a list marker put back in front of a wrapped item).
  fileprivate func replacingFirstIndent(with marker: String) -> String {
    guard hasPrefix("  ") else { return self }
    return marker + dropFirst(2)
  }
}
