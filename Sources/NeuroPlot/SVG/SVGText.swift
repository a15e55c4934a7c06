import NeuroUnits

/// The pieces of SVG text every part of a drawing writes: numbers that are always valid and always the same
/// for the same value, text escaped for XML, and the colours of series.
enum SVGText {
  /// A coordinate or length to two decimals, without exponent or float noise; a value that is not finite is 0
  /// and one beyond ±1e6 is held there, so that no input makes invalid SVG.
  static func number(_ x: Double) -> String {
    let hundredths = Int(saturating: (x.isFinite ? max(-1e6, min(1e6, x)) : 0) * 100)
    let sign = hundredths < 0 ? "-" : "", magnitude = abs(hundredths)
    let whole = magnitude / 100, fraction = magnitude % 100
    if fraction == 0 { return sign + String(whole) }
    let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
    return sign + String(whole) + "." + digits
  }

  /// A position rounded to the nearest half pixel: marks that fall on the same one are drawn once.
  static func halfPixel(_ x: Double) -> Double { (x * 2).rounded() / 2 }

  /// Text made safe inside an element or an attribute: the five XML specials as entities, and the characters
  /// XML 1.0 forbids (control characters but tab and newline) left out.
  static func escaped(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\t", "\n": out.unicodeScalars.append(" ")
      default:
        if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// The colour of series `index`, in the terminal's order (cyan, yellow, magenta, green, blue, red), dark
  /// enough to read on white.
  static func color(_ index: Int) -> String {
    let colors = ["#00838f", "#b8860b", "#8e24aa", "#2e7d32", "#1565c0", "#c62828"]
    return colors[abs(index) % colors.count]
  }

  /// A `<text>` element at (x, y), anchored `anchor` (start, middle, end), with any further attributes.
  static func label(_ text: String, x: Double, y: Double, anchor: String = "middle", _ attributes: String = "")
    -> String
  {
    let extra = attributes.isEmpty ? "" : " " + attributes
    return "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\"\(extra)>\(escaped(text))</text>"
  }

  /// A path's data through the points, a new piece (M) after each point that is not finite.
  static func pathData(_ points: [(x: Double, y: Double)]) -> String {
    var parts: [String] = [], pieceStarted = false
    for (x, y) in points {
      guard x.isFinite, y.isFinite else {
        pieceStarted = false
        continue
      }
      parts.append((pieceStarted ? "L" : "M") + number(x) + " " + number(y))
      pieceStarted = true
    }
    return parts.joined(separator: " ")
  }
}
