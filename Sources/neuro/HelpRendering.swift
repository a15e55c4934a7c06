import NeuroLang

/// Lays out a help page: for the terminal in the sections of a manual page, or in roff for `man`.
extension HelpPage {
  /// The terms of a page: its extra sections, options, environment and exit status, by section title.
  private var termSections: [(title: String, entries: [(term: String, text: String)])] {
    sections + [("OPTIONS", options.map { ($0.signature, $0.summary) }), ("ENVIRONMENT", environment)]
      + [("EXIT STATUS", exitStatus)]
  }

  /// The short usage shown under a usage error.
  var usage: String {
    let lines = synopsis.enumerated().map { ($0.offset == 0 ? "usage: " : "       ") + $0.element }
    return lines.joined(separator: "\n") + "\n\(name) --help shows more\n"
  }

  /// The page for a terminal `width` columns wide.
  func text(width: Int) -> String {
    let termColumn = 24
    var out = "NAME\n    \(name) - \(summary)\n\nSYNOPSIS\n"
    out += synopsis.map { "    \($0)\n" }.joined()
    out += "\nDESCRIPTION\n" + description.map { "    \($0)\n" }.joined(separator: "\n")
    for (title, entries) in termSections where !entries.isEmpty {
      out += "\n\(title)\n"
      for (term, text) in entries {
        let line = "    \(term)"
        out +=
          line.count + 2 <= termColumn
          ? line.padding(to: termColumn) + text + "\n" : line + "\n" + "".padding(to: termColumn) + text + "\n"
      }
    }
    out += "\nEXAMPLES\n"
    out += examples.map { "    \($0.command)\n" + "".padding(to: 8) + $0.text + "\n" }.joined()
    return TextWrapping.wrap(out, width: min(width, 100))
  }

  /// The page in roff, for `man` (`neuro --help-man > neuro.1`), with the pages of the commands as sections.
  func roff(commands: [HelpPage]) -> String {
    var out = ".TH NEURO 1 \"\" \"neuro \(Session.version)\" \"User Commands\"\n"
    out += ".SH NAME\n\(Self.escaped(name)) \\- \(Self.escaped(summary))\n.SH SYNOPSIS\n"
    out += synopsis.map { ".B \(Self.escaped($0))\n.br\n" }.joined()
    out += ".SH DESCRIPTION\n" + description.map { Self.escaped($0) + "\n" }.joined(separator: ".PP\n")
    for (title, entries) in termSections where !entries.isEmpty {
      out += ".SH \(title)\n" + entries.map { ".TP\n.B \(Self.escaped($0.term))\n\(Self.escaped($0.text))\n" }.joined()
    }
    out +=
      ".SH EXAMPLES\n" + examples.map { ".TP\n.B \(Self.escaped($0.command))\n\(Self.escaped($0.text))\n" }.joined()
    for command in commands {
      out += ".SH \(Self.escaped(command.name.uppercased()))\n"
      out += command.synopsis.map { ".B \(Self.escaped($0))\n.br\n" }.joined()
      out += command.description.map { Self.escaped($0) + "\n" }.joined(separator: ".PP\n")
    }
    return out
  }

  /// Text safe in roff: backslashes and hyphens escaped, no line starting with a control character.
  private static func escaped(_ text: String) -> String {
    let plain = text.replacing("\\", with: "\\e").replacing("-", with: "\\-")
    return plain.hasPrefix(".") || plain.hasPrefix("'") ? "\\&" + plain : plain
  }
}

extension String {
  /// The text with spaces after it up to `width` characters (no shorter than it is).
  fileprivate func padding(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
