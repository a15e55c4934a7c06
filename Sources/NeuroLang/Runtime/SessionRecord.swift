import NeuroPlot

/// A statement of the session that ran without an error: as typed, what it printed, what it showed.
struct SessionEntry {
  var statement: String
  var output: String
  var figures: [Figure]
}

/// What the statement running now prints (figures apart) and shows.
final class SessionCapture {
  private(set) var text = ""
  /// Characters in `text`, kept as it grows (a String counts its characters by walking them).
  private var length = 0
  var figures: [Figure] = []
  /// True while a figure is written: its terminal drawing is kept as the figure, not as text.
  var showing = false
  /// Text kept for one statement at most; a loop that prints more keeps its start.
  static let longest = 100_000

  func add(_ piece: String) {
    guard !showing, length < Self.longest else { return }
    let count = piece.count
    if length + count > Self.longest {
      text += String(piece.prefix(Self.longest - length)) + "…\n"
      length = Self.longest
    } else {
      text += piece
      length += count
    }
  }
}

extension Interpreter {
  /// The statements of the session that ran without an error since it last started afresh, as typed.
  var sessionStatements: [String] { sessionRecord.map(\.statement) }
}
