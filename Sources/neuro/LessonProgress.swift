import FoundationEssentials
import NeuroLang

/// Which exercises a student has done, kept in a small text file (one `lesson-id index` a line)
/// that is rewritten whole at each change.
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

  func doneCount(lesson: String) -> Int { done.filter { $0.hasPrefix(lesson + " ") }.count }

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
