#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// File names taken apart and put together in plain Swift: the folder part, the name, `~`,
/// `.` and `..`. (NSString's path methods trap on some short names on Linux.)
public enum FilePaths {
  /// The folder part of a path: "" for a bare name, "/" for a file at the root; trailing slashes ignored.
  public static func folder(of path: String) -> String {
    let trimmed = trimmingTrailingSlashes(path)
    guard let slash = trimmed.lastIndex(of: "/") else { return "" }
    let folder = trimmingTrailingSlashes(String(trimmed[..<slash]))
    return folder.isEmpty ? "/" : folder
  }

  /// The last part of a path, without trailing slashes ("a" for "x/a/", "/" for "/").
  public static func name(of path: String) -> String {
    let trimmed = trimmingTrailingSlashes(path)
    if trimmed == "/" { return "/" }
    return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
  }

  /// `name` inside `folder` ("" or "." for the current folder); an absolute name stays as it is.
  public static func joined(_ folder: String, _ name: String) -> String {
    if name.hasPrefix("/") || folder.isEmpty { return name }
    return folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }

  /// `~` and `~/…` in the user's home folder; other paths unchanged.
  public static func expandingTilde(_ path: String, home: String? = getenv("HOME").map { String(cString: $0) })
    -> String
  {
    guard let home, !home.isEmpty, path == "~" || path.hasPrefix("~/") else { return path }
    return path == "~" ? home : joined(home, String(path.dropFirst(2)))
  }

  /// The absolute path with `.`, `..` and repeated slashes resolved as text (links are not followed).
  public static func standardized(_ path: String, in current: String = FilePaths.currentFolder)
    -> String
  {
    let absolute = path.hasPrefix("/") ? path : joined(current, path)
    var parts: [Substring] = []
    for part in absolute.split(separator: "/") where part != "." {
      if part == ".." {
        if !parts.isEmpty { parts.removeLast() }
      } else {
        parts.append(part)
      }
    }
    return "/" + parts.joined(separator: "/")
  }

  /// The process's working folder ("." when it cannot be told).
  public static var currentFolder: String {
    guard let folder = getcwd(nil, 0) else { return "." }
    defer { free(folder) }
    return String(cString: folder)
  }

  /// True when something (a file, a folder, a link to one) is at `path`; asks the C library, not
  /// FileManager, whose first use costs a program's start-up.
  public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  private static func trimmingTrailingSlashes(_ path: String) -> String {
    var path = Substring(path)
    while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
    return String(path)
  }
}
