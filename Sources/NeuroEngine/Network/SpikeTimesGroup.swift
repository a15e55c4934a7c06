/// Sources that fire at given times: one list of times (s) per source.
public struct SpikeTimesGroup: NeuronGroup {
  public let times: [[Double]]
  private var steps: [Int: [Int]] = [:]
  private var stepIndex = 0

  public init(times: [[Double]]) { self.times = times }

  public var count: Int { times.count }
  public var variableNames: [String] { [] }
  public func values(of variable: String) -> [Double]? { nil }

  /// A source fires in the step that ends at its time (so a spike at 10 ms is seen from 10 ms on).
  public mutating func prepare(dt: Double) {
    steps = [:]
    for (i, train) in times.enumerated() {
      for t in train { steps[max(0, Int(clampingToSteps: t / dt) - 1), default: []].append(i) }
    }
  }

  public mutating func step(input: UnsafeBufferPointer<Double>, spikes: inout [Int]) {
    if let firing = steps[stepIndex] { spikes += Set(firing).sorted() }
    stepIndex += 1
  }

  public mutating func add(_ amount: Double, to variable: String) -> Bool { false }
  public mutating func resetState() { stepIndex = 0 }
}
