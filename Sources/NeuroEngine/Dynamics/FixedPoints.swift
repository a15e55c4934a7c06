/// A point where a planar system stands still, with its stability from the Jacobian's eigenvalues.
public struct FixedPoint: Sendable, Equatable {
  public var x: Double
  public var y: Double
  public var kind: Kind
  /// The Jacobian's trace and determinant there (per second, per second²).
  public var trace: Double
  public var determinant: Double

  /// What nearby trajectories do.
  public enum Kind: String, Sendable, CaseIterable {
    case stableNode = "stable node"
    case stableFocus = "stable focus"
    case unstableNode = "unstable node"
    case unstableFocus = "unstable focus"
    case saddle
    case center

    /// Whether trajectories near it approach it.
    public var isStable: Bool { self == .stableNode || self == .stableFocus }
  }

  /// Classifies a Jacobian [[a, b], [c, d]]: a saddle when det < 0; else stable or unstable by the trace, a
  /// focus when the eigenvalues are complex (trace² < 4 det), a center when the trace is (numerically) 0.
  public static func kind(trace: Double, determinant: Double, tolerance: Double) -> Kind {
    if determinant < 0 { return .saddle }
    if abs(trace) <= tolerance { return .center }
    let complex = trace * trace < 4 * determinant
    if trace < 0 { return complex ? .stableFocus : .stableNode }
    return complex ? .unstableFocus : .unstableNode
  }
}

extension PlanarSystem {
  /// The fixed points inside the ranges: Newton's method started from every cell of a grid, the
  /// converged points kept once each (within a thousandth of the ranges), left to right.
  public func fixedPoints(x xRange: ClosedRange<Double>, y yRange: ClosedRange<Double>, grid: Int = 24)
    -> [FixedPoint]
  {
    let scale = (x: xRange.upperBound - xRange.lowerBound, y: yRange.upperBound - yRange.lowerBound)
    var found: [FixedPoint] = []
    for i in 0..<grid {
      for j in 0..<grid {
        let x0 = xRange.lowerBound + (Double(i) + 0.5) / Double(grid) * scale.x
        let y0 = yRange.lowerBound + (Double(j) + 0.5) / Double(grid) * scale.y
        guard var (x, y) = newton(from: x0, y0, scale: scale), xRange.contains(x), yRange.contains(y) else {
          continue
        }
        // Round-off around 0 reads as 0.
        if abs(x) < 1e-12 * scale.x { x = 0 }
        if abs(y) < 1e-12 * scale.y { y = 0 }
        if found.contains(where: { abs($0.x - x) < 1e-3 * scale.x && abs($0.y - y) < 1e-3 * scale.y }) { continue }
        let j = jacobian(at: x, y, scale: scale)
        let trace = j[0][0] + j[1][1], determinant = j[0][0] * j[1][1] - j[0][1] * j[1][0]
        // Trace and determinant do not change when a variable's unit does; nor does this tolerance.
        let tolerance = 1e-6 * abs(determinant).squareRoot()
        found.append(
          FixedPoint(
            x: x, y: y, kind: FixedPoint.kind(trace: trace, determinant: determinant, tolerance: tolerance),
            trace: trace, determinant: determinant))
      }
    }
    return found.sorted { ($0.x, $0.y) < ($1.x, $1.y) }
  }

  /// Newton's method for F = G = 0 from a start; nil when it does not converge in 50 steps.
  private func newton(from x0: Double, _ y0: Double, scale: (x: Double, y: Double)) -> (Double, Double)? {
    var (x, y) = (x0, y0)
    for _ in 0..<50 {
      let f = flow(x, y)
      let j = jacobian(at: x, y, scale: scale)
      let det = j[0][0] * j[1][1] - j[0][1] * j[1][0]
      guard det != 0, det.isFinite else { return nil }
      let dx = (f.dx * j[1][1] - f.dy * j[0][1]) / det
      let dy = (f.dy * j[0][0] - f.dx * j[1][0]) / det
      x -= dx
      y -= dy
      guard x.isFinite, y.isFinite, abs(x - x0) < 4 * scale.x, abs(y - y0) < 4 * scale.y else { return nil }
      if abs(dx) < 1e-12 * scale.x && abs(dy) < 1e-12 * scale.y {
        let residual = flow(x, y)
        let speed = flow(x0, y0)
        let typical = max(abs(speed.dx) + abs(speed.dy), 1e-300)
        return abs(residual.dx) + abs(residual.dy) <= 1e-8 * typical ? (x, y) : nil
      }
    }
    return nil
  }

  /// The curves where F = 0 (first) and where G = 0 (second), as line segments over a grid of
  /// `resolution` cells each way (marching squares): pairs of points, each pair followed by a NaN gap.
  public func nullclines(x xRange: ClosedRange<Double>, y yRange: ClosedRange<Double>, resolution: Int = 120)
    -> (x: [(Double, Double)], y: [(Double, Double)])
  {
    let n = max(2, resolution)
    let xs = (0...n).map { xRange.lowerBound + Double($0) / Double(n) * (xRange.upperBound - xRange.lowerBound) }
    let ys = (0...n).map { yRange.lowerBound + Double($0) / Double(n) * (yRange.upperBound - yRange.lowerBound) }
    var f = [[Double]](), g = [[Double]]()
    for x in xs {
      let column = ys.map { flow(x, $0) }
      f.append(column.map(\.dx))
      g.append(column.map(\.dy))
    }
    return (Self.contour(f, xs, ys), Self.contour(g, xs, ys))
  }

  /// The zero contour of values on a grid (`values[i][j]` at xs[i], ys[j]) as segments, each ended by NaN.
  private static func contour(_ values: [[Double]], _ xs: [Double], _ ys: [Double]) -> [(Double, Double)] {
    var points: [(Double, Double)] = []
    for i in 0..<(xs.count - 1) {
      for j in 0..<(ys.count - 1) {
        // The cell's corners counter-clockwise, and where the value crosses 0 on each edge.
        let corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
        var crossings: [(Double, Double)] = []
        for k in 0..<4 {
          let (a, b) = (corners[k], corners[(k + 1) % 4])
          let (va, vb) = (values[a.0][a.1], values[b.0][b.1])
          guard va.isFinite, vb.isFinite, (va < 0) != (vb < 0) else { continue }
          let s = va / (va - vb)
          crossings.append((xs[a.0] + s * (xs[b.0] - xs[a.0]), ys[a.1] + s * (ys[b.1] - ys[a.1])))
        }
        for pair in stride(from: 0, to: crossings.count - 1, by: 2) {
          points += [crossings[pair], crossings[pair + 1], (.nan, .nan)]
        }
      }
    }
    return points
  }
}
