import FoundationEssentials
import NeuroLang

/// Which exercises a student has done and how their predictions scored, kept in a small text file
/// (`lesson-id index` a line for an exercise, `lesson-id prediction index percent` or
/// `lesson-id prediction index skipped` for a prediction) that is rewritten whole at each change.
struct LessonProgress {
  let path: String
  private var done: Set<String>
  /// Set when the file exists but could not be read: it is then never rewritten, so nothing in it is lost.
  private var unreadable = false

  init(path: String) {
    self.path = path
    if let data = FileManager.default.contents(atPath: path) {
      // A bad byte spoils one line (decoded with a replacement character), never the whole file.
      let text = String(decoding: data, as: UTF8.self)
      done = Set(text.split(whereSeparator: \.isNewline).map { $0.trimmed() }.filter { !$0.isEmpty })
    } else {
      done = []
      unreadable = FileManager.default.fileExists(atPath: path)
    }
  }

  func isDone(lesson: String, exercise: Int) -> Bool { done.contains("\(lesson) \(exercise)") }

  func doneCount(lesson: String) -> Int {
    done.filter { $0.hasPrefix(lesson + " ") && Int($0.dropFirst(lesson.count + 1)) != nil }.count
  }

  /// How a prediction went: its score from 0 to 1, or nil when it was skipped.
  enum PredictionRecord: Equatable {
    case scored(Double)
    case skipped
  }

  /// The record of prediction `index` of a lesson, nil when it was never asked to the end.
  func prediction(lesson: String, index: Int) -> PredictionRecord? {
    let prefix = "\(lesson) prediction \(index) "
    guard let line = done.first(where: { $0.hasPrefix(prefix) }) else { return nil }
    let rest = line.dropFirst(prefix.count)
    if rest == "skipped" { return .skipped }
    return Double(rest).map { .scored(min(1, max(0, $0 / 100))) }
  }

  /// Keeps how prediction `index` went (replacing an earlier record) and saves; a failure to save is returned.
  @discardableResult
  mutating func record(_ record: PredictionRecord, lesson: String, prediction index: Int) -> String? {
    let prefix = "\(lesson) prediction \(index) "
    done = done.filter { !$0.hasPrefix(prefix) }
    switch record {
    case .scored(let score): done.insert(prefix + String(Int(saturating: score * 100)))
    case .skipped: done.insert(prefix + "skipped")
    }
    return save()
  }

  /// Marks an exercise done and saves; a failure to save is returned, not thrown at the student.
  @discardableResult
  mutating func markDone(lesson: String, exercise: Int) -> String? {
    done.insert("\(lesson) \(exercise)")
    return save()
  }

  mutating func forget(lesson: String) {
    done = done.filter { !$0.hasPrefix(lesson + " ") }
    save()
  }

  @discardableResult
  private func save() -> String? {
    if unreadable { return "could not save progress to \(path): it exists but could not be read, and is left as it is" }
    let text = done.sorted().joined(separator: "\n") + "\n"
    do {
      try FileSaving.write(text, to: path)
      return nil
    } catch {
      return "could not save progress: \(error)"
    }
  }
}
