import NeuroLang
import Glibc

/// Facts about the terminal neuro writes to.
enum Terminal {
  static var inputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
  static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
  static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

  /// Columns of the terminal, or `COLUMNS`, or 80 when output is not a terminal.
  static var width: Int {
    var size = winsize()
    if outputIsTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 {
      return Int(size.ws_col)
    }
    if let columns = environment("COLUMNS").flatMap({ Int($0) }), columns >= 20 { return min(columns, 400) }
    return 80
  }

  /// False when the locale says the terminal cannot show Unicode (`LANG=C`).
  static var supportsUnicode: Bool {
    for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
      if let value = environment(name), !value.isEmpty {
        // Bytes, ASCII lower case by hand: lowercased() and contains(_:) on strings would load
        // Unicode's tables and the string algorithms at start-up.
        let lowered = value.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        return lowered.contains(subsequence: Array("utf-8".utf8)) || lowered.contains(subsequence: Array("utf8".utf8))
      }
    }
    return true
  }

  /// Colour on a terminal unless `NO_COLOR` is set or the terminal is dumb.
  static func wantsColor(forTerminal isTerminal: Bool) -> Bool {
    guard isTerminal else { return false }
    if let noColor = environment("NO_COLOR"), !noColor.isEmpty { return false }
    return environment("TERM") != "dumb"
  }

  static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }
}

/// Writes text to standard output or standard error at once, spelled in ASCII
/// when the locale says the terminal cannot show Unicode.
enum Output {
  static let asciiOnly = !Terminal.supportsUnicode
  /// Whether problems are coloured (`--color`); `auto` until the command line is read.
  static var color = ColorChoice.auto

  static func out(_ text: String) {
    fputs(asciiOnly ? ascii(text) : text, stdout)
    fflush(stdout)
  }

  static func err(_ text: String) {
    fflush(stdout)
    fputs(asciiOnly ? ascii(text) : text, stderr)
  }

  /// A problem of the command line or the REPL (not of neuro source), drawn by the one diagnostic
  /// renderer as every other error is: `error: message` and an optional hint.
  static func problem(_ message: String, hint: String? = nil, warning: Bool = false) {
    err(
      Diagnostic(warning ? .warning : .runtime, message, hint: hint)
        .rendered(color: color.enabled(forTerminal: Terminal.errorIsTerminal)))
  }

  /// The text with its few non-ASCII signs spelled out (`µs` → `us`, `MΩ` → `Mohm`).
  static func ascii(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        result.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "µ", "\u{03BC}": result += "u"
      case "Ω", "\u{2126}": result += "ohm"
      case "·", "×": result += "*"
      case "—", "–", "−": result += "-"
      case "²": result += "^2"
      case "³": result += "^3"
      case "⁻": result += "^-"
      case "¹": result += "1"
      case "…": result += "..."
      case "→": result += "->"
      case "▾": result += "v"
      case "°": result += " deg"
      case "√": result += "sqrt"
      case "±": result += "+/-"
      case "≥": result += ">="
      case "≤": result += "<="
      case "✓": result += "ok"
      case "✗": result += "x"
      case "‖": result += "|"
      case "Σ": result += "sum "
      case "γ": result += "gamma"
      case "θ": result += "theta"
      case "κ": result += "kappa"
      case "σ": result += "sigma"
      case "τ": result += "tau"
      case "₀", "₁", "₂": result += String(scalar.value - 0x2080)
      case "π": result += "pi"
      case "ξ": result += "xi"
      case "ᵀ": result += "^T"
      case "½": result += "1/2 "
      case "ᵢ": result += "_i"
      case "ⱼ": result += "_j"
      case "Δ": result += "delta "
      case "α": result += "alpha"
      case "≈": result += "~"
      case "●": result += "@"
      case "○": result += "O"
      case "◎": result += "C"
      default: result += "?"
      }
    }
    return result
  }
}

extension Array where Element == UInt8 {
  /// True when `part` occurs in these bytes.
  fileprivate func contains(subsequence part: [UInt8]) -> Bool {
    guard part.count <= count else { return false }
    return (0...(count - part.count)).contains { start in self[start..<(start + part.count)].elementsEqual(part) }
  }
}
