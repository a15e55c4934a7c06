import NeuroEngine
import NeuroUnits

extension Interpreter {
  /// The cores of this machine: the most threads a run may use.
  public static var cores: Int { WorkerPool.availableCores }

  /// `threads N`: the runs of this session share their work among N threads, 1 up to this machine's cores.
  func setThreads(_ expr: Expr) throws {
    let value = try evaluate(expr)
    let cores = Self.cores
    let hint = "threads \(cores)   (this machine has \(cores) core\(cores == 1 ? "" : "s"))"
    guard case .quantity(let q) = value, q.dimension.isDimensionless else {
      throw failure("threads needs a whole number, found \(value.describedKind)", at: expr.span, hint: hint)
    }
    guard q.value == q.value.rounded(), let count = Int(checking: q.value) else {
      throw failure(
        "threads needs a whole number of threads, found \(formatNumber(q.value))", at: expr.span, hint: hint)
    }
    guard count >= 1 else {
      throw failure("threads needs at least 1 thread, found \(count)", at: expr.span, hint: hint)
    }
    guard count <= cores else {
      throw failure(
        "threads can be 1 to \(cores) here, found \(count): more threads than cores only wait for each other",
        at: expr.span, hint: hint)
    }
    threads = count
  }
}
