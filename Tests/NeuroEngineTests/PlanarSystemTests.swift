#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Testing

@testable import NeuroEngine

/// Phase-plane analysis checked on linear systems, whose fixed point, stability and trajectories are known
/// in closed form.
@Suite struct PlanarSystemTests {
  /// dx/dt = a x + b y + e, dy/dt = c x + d y + f.
  private func linear(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double = 0, _ f: Double = 0)
    -> PlanarSystem
  {
    PlanarSystem { x, y in (a * x + b * y + e, c * x + d * y + f) }
  }

  @Test(arguments: [
    (-2.0, 0.0, 0.0, -1.0, FixedPoint.Kind.stableNode),
    (-1.0, -4.0, 4.0, -1.0, .stableFocus),
    (2.0, 0.0, 0.0, 1.0, .unstableNode),
    (1.0, -4.0, 4.0, 1.0, .unstableFocus),
    (1.0, 0.0, 0.0, -1.0, .saddle),
    (0.0, -1.0, 1.0, 0.0, .center),
  ])
  func classifiesTheFixedPointOfALinearSystem(a: Double, b: Double, c: Double, d: Double, kind: FixedPoint.Kind) {
    // Shifted so that the fixed point is at (0.3, -0.2): e = -(a·0.3 + b·(-0.2)), f likewise.
    let system = linear(a, b, c, d, -(a * 0.3 - b * 0.2), -(c * 0.3 - d * 0.2))
    let points = system.fixedPoints(x: -1...1, y: -1...1)
    #expect(points.count == 1)
    #expect(abs((points.first?.x ?? 9) - 0.3) < 1e-9)
    #expect(abs((points.first?.y ?? 9) + 0.2) < 1e-9)
    #expect(points.first?.kind == kind)
  }

  @Test func findsEveryFixedPointOfABistableSystem() {
    // dx/dt = x - x³, dy/dt = -y: stable at x = ±1, a saddle at 0.
    let system = PlanarSystem { x, y in (x - x * x * x, -y) }
    let points = system.fixedPoints(x: -2...2, y: -1...1)
    #expect(points.map(\.kind) == [.stableNode, .saddle, .stableNode])
    #expect(points.map { ($0.x * 1e9).rounded() / 1e9 } == [-1, 0, 1])
  }

  @Test func trajectoryOfARotationStaysOnItsCircle() {
    // dx/dt = -ω y, dy/dt = ω x with ω = 2π rad/s: after 1 s the point is back where it started.
    let omega = 2 * Double.pi
    let system = PlanarSystem { x, y in (-omega * y, omega * x) }
    let path = system.trajectory(from: 1, 0, duration: 1, dt: 1e-4)
    let end = path[path.count - 1]
    #expect(abs(end.x - 1) < 1e-9 && abs(end.y) < 1e-9)
    #expect(abs(end.t - 1) < 1e-12)
  }

  @Test func nullclinesOfALinearSystemLieOnTheirLines() {
    // dx/dt = y - 2x (nullcline y = 2x), dy/dt = 0.5 - y (nullcline y = 0.5).
    let system = PlanarSystem { x, y in (y - 2 * x, 0.5 - y) }
    let curves = system.nullclines(x: -1...1, y: -1...1, resolution: 50)
    let xPoints = curves.x.filter { $0.0.isFinite }, yPoints = curves.y.filter { $0.0.isFinite }
    #expect(!xPoints.isEmpty && !yPoints.isEmpty)
    #expect(xPoints.allSatisfy { abs($0.1 - 2 * $0.0) < 1e-9 })
    #expect(yPoints.allSatisfy { abs($0.1 - 0.5) < 1e-9 })
  }
}
