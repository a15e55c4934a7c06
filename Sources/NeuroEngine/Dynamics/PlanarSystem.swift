/// A system of two variables, dx/dt = F(x, y) and dy/dt = G(x, y) (per second): a phase plane's flow,
/// its nullclines, fixed points and trajectories.
public struct PlanarSystem: Sendable {
  /// F and G at a point.
  public let flow: @Sendable (Double, Double) -> (dx: Double, dy: Double)

  public init(flow: @escaping @Sendable (Double, Double) -> (dx: Double, dy: Double)) { self.flow = flow }

  /// A point of a trajectory.
  public struct Sample: Sendable, Equatable {
    public var t: Double
    public var x: Double
    public var y: Double
  }

  /// The trajectory from (x0, y0) for `duration` seconds by fourth-order Runge–Kutta with step `dt`,
  /// sampled every `every` steps; it stops early where it leaves the finite numbers.
  public func trajectory(from x0: Double, _ y0: Double, duration: Double, dt: Double, every: Int = 1) -> [Sample] {
    var (x, y) = (x0, y0)
    var samples = [Sample(t: 0, x: x, y: y)]
    let steps = Int(clampingToSteps: (duration / dt).rounded())
    for step in 1...max(1, steps) {
      let k1 = flow(x, y)
      let k2 = flow(x + dt / 2 * k1.dx, y + dt / 2 * k1.dy)
      let k3 = flow(x + dt / 2 * k2.dx, y + dt / 2 * k2.dy)
      let k4 = flow(x + dt * k3.dx, y + dt * k3.dy)
      x += dt / 6 * (k1.dx + 2 * k2.dx + 2 * k3.dx + k4.dx)
      y += dt / 6 * (k1.dy + 2 * k2.dy + 2 * k3.dy + k4.dy)
      guard x.isFinite, y.isFinite else { break }
      if step % max(1, every) == 0 || step == steps { samples.append(Sample(t: Double(step) * dt, x: x, y: y)) }
    }
    return samples
  }

  /// The Jacobian [[∂F/∂x, ∂F/∂y], [∂G/∂x, ∂G/∂y]] at a point, by central differences scaled to the ranges.
  public func jacobian(at x: Double, _ y: Double, scale: (x: Double, y: Double)) -> [[Double]] {
    // Steps relative to the ranges (and to the point, far from 0), whatever the variables' units.
    let hx = max(1e-6 * scale.x, 1e-9 * abs(x), .leastNormalMagnitude)
    let hy = max(1e-6 * scale.y, 1e-9 * abs(y), .leastNormalMagnitude)
    let (xp, xm) = (flow(x + hx, y), flow(x - hx, y))
    let (yp, ym) = (flow(x, y + hy), flow(x, y - hy))
    return [
      [(xp.dx - xm.dx) / (2 * hx), (yp.dx - ym.dx) / (2 * hy)],
      [(xp.dy - xm.dy) / (2 * hx), (yp.dy - ym.dy) / (2 * hy)],
    ]
  }
}
