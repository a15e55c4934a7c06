/// Wraps text for a terminal at word boundaries, keeping each line's indentation.
public enum TextWrapping {
  /// `text` with every line longer than `width` columns broken at spaces. A continuation is
  /// indented to where the line's text column starts: after its leading spaces, or, for a line
  /// such as `  tau      10 ms   membrane time constant`, after its last run of two or more spaces.
  /// A word longer than the width stays whole.
  public static func wrap(_ text: String, width: Int) -> String {
    guard width >= 20 else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { wrapLine(String($0), width: width) }
      .joined(separator: "\n")
  }

  private static func wrapLine(_ line: String, width: Int) -> String {
    let characters = Array(line)
    guard characters.count > width else { return line }
    let hanging = hangingIndent(characters)
    let leading = characters.prefix { $0 == " " }.count
    let indent = String(repeating: " ", count: width - hanging >= 20 ? hanging : min(leading + 4, width / 2))
    var lines: [String] = []
    var rest = characters[...]
    var prefix = ""
    while prefix.count + rest.count > width {
      let room = width - prefix.count
      // The last space within the room, past the indentation (so that a line always moves on).
      let searchStart = rest.startIndex + min(rest.count, max(1, prefix.isEmpty ? indent.count + 1 : 1))
      guard let cut = rest[searchStart..<min(rest.endIndex, rest.startIndex + room + 1)].lastIndex(of: " ") else {
        guard let next = rest[min(rest.endIndex, rest.startIndex + room)...].firstIndex(of: " ") else { break }
        lines.append(prefix + String(rest[..<next]))
        rest = rest[(next + 1)...].drop { $0 == " " }
        prefix = indent
        continue
      }
      lines.append(prefix + String(rest[..<cut]).trailingSpacesRemoved)
      rest = rest[(cut + 1)...].drop { $0 == " " }
      prefix = indent
    }
    lines.append(prefix + String(rest))
    return lines.joined(separator: "\n")
  }

  /// The column where a line's text continues: after its last gap of three or more spaces (the
  /// last column of a table row), else after a label such as `functions:  `, else after the
  /// leading spaces.
  private static func hangingIndent(_ characters: [Character]) -> Int {
    let leading = characters.prefix { $0 == " " }.count
    var spaces = 0, lastWideGap: Int? = nil, afterLabel: Int? = nil
    for i in leading..<characters.count {
      if characters[i] == " " {
        spaces += 1
        continue
      }
      if spaces >= 3 { lastWideGap = i }
      if spaces >= 2, afterLabel == nil, i - spaces - 1 >= 0, characters[i - spaces - 1] == ":" { afterLabel = i }
      spaces = 0
    }
    return lastWideGap ?? afterLabel ?? leading
  }
}

private extension String {
  var trailingSpacesRemoved: String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
