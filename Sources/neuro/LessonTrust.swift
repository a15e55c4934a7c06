import NeuroLang

/// Lessons that come with neuro are trusted. A lesson from the `NEURO_LESSONS` folder is a program
/// from elsewhere: it says so when opened, and its code asks before it writes a file.
enum LessonTrust {
  /// True for a lesson folder named by `NEURO_LESSONS` rather than installed with neuro.
  static func isExternal(folder: String) -> Bool {
    guard let custom = Terminal.environment("NEURO_LESSONS"), !custom.isEmpty else { return false }
    return folder == custom
  }

  /// What the student reads when such a lesson opens.
  static func notice(_ folder: String) -> String {
    "(this lesson comes from \(folder), not with neuro: its code runs as you, so neuro asks before it writes a file)\n"
  }

  /// Asks on the terminal whether the lesson's code may write `path`; no answer is no.
  static func askToWrite(_ path: String) -> Bool {
    Output.out("the lesson wants to write '\(path)'; allow it? [y/N] ")
    guard let answer = readLine() else { return false }
    return answer.trimmed().lowercased().hasPrefix("y")
  }
}
