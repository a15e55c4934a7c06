import NeuroEngine

extension Interpreter {
  /// The session as a script (`:save FILE.neuro`): every statement that ran without an error since it
  /// last started afresh, in order, as typed; running it builds the same world and prints the same
  /// results. Unless the session typed `seed` first, the script starts with the seed its random numbers
  /// came from, so that they come out the same.
  public var sessionScript: String {
    var lines = ["# A neuro session saved by :save: the statements that ran without an error, in order."]
    let seeded = sessionStatements.first.map { $0.hasPrefix("seed ") } ?? false
    if !seeded {
      lines.append("seed \(Int64(bitPattern: world.startingSeed))  # the session's random numbers (no seed was typed)")
    }
    lines += sessionStatements
    return lines.joined(separator: "\n") + "\n"
  }

  /// Writes the session's script to a file, whole or not at all; a sentence saying why not on failure.
  public func saveSession(to path: String) -> Result<Int, SourceFileError> {
    do {
      try FileSaving.write(sessionScript, to: path)
      return .success(sessionStatements.count)
    } catch let error as SourceFileError {
      return .failure(error)
    } catch {
      return .failure(SourceFileError(description: "cannot write '\(path)': \(error)"))
    }
  }
}
