#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The array kernels an equation group's step runs over a block of neurons: programs, their operands,
/// and the loops that combine states and derivatives.
extension EquationGroup {

  /// Runs a program and stores its results as slots `into`, `into + 1`, ….
  func evaluate(
    _ program: ArrayProgram, _ base: UnsafeMutablePointer<Double>, statesAt: Int, into: Int,
    n: Int, time: Double
  ) {
    run(program, base, statesAt: statesAt, n: n, time: time)
    store(program, results: program.results.indices, base, statesAt: statesAt, into: into, n: n, time: time)
  }

  /// Result `i` of a program that has run, where it can be read while the states change: in its
  /// register when it has one, else (a state itself, a constant, the input) copied to slot `into + i`
  /// first; the copies are all made on the first call, before any state changes.
  func rightSide(
    _ program: ArrayProgram, _ i: Int, _ base: UnsafeMutablePointer<Double>, into: Int, n: Int,
    time: Double
  ) -> UnsafePointer<Double> {
    if i == 0 {
      for (k, result) in program.results.enumerated() where k < model.stateNames.count {
        if case .register = result { continue }
        store(program, results: k..<(k + 1), base, statesAt: layout.states, into: into + k, n: n, time: time)
      }
    }
    if case .register(let r) = program.results[i] { return UnsafePointer(base + (layout.registers + r) * n) }
    return UnsafePointer(base + (into + i) * n)
  }

  /// Copies results of a program that has run into slots `into`, `into + 1`, ….
  func store(
    _ program: ArrayProgram, results: Range<Int>, _ base: UnsafeMutablePointer<Double>, statesAt: Int,
    into: Int, n: Int, time: Double
  ) {
    for (slot, i) in results.enumerated() {
      let result = resolve(program.results[i], base, statesAt: statesAt, n: n, time: time)
      let target = base + (into + slot) * n
      if let p = result.pointer {
        if p != UnsafePointer(target) { target.update(from: p, count: n) }
      } else {
        target.update(repeating: result.scalar, count: n)
      }
    }
  }

  /// An operand: an array or one value for all neurons.
  struct Resolved {
    var pointer: UnsafePointer<Double>?
    var scalar: Double
  }

  func resolve(
    _ operand: ArrayProgram.Operand, _ base: UnsafeMutablePointer<Double>, statesAt: Int, n: Int,
    time: Double
  ) -> Resolved {
    switch operand {
    case .register(let r): return Resolved(pointer: UnsafePointer(base + (layout.registers + r) * n), scalar: 0)
    case .state(let i): return Resolved(pointer: UnsafePointer(base + (statesAt + i) * n), scalar: 0)
    case .input: return Resolved(pointer: blockInput ?? UnsafePointer(base + layout.input * n), scalar: 0)
    case .scalar(let x): return Resolved(pointer: nil, scalar: x)
    case .time: return Resolved(pointer: nil, scalar: time)
    }
  }

  func run(_ program: ArrayProgram, _ base: UnsafeMutablePointer<Double>, statesAt: Int, n: Int, time: Double) {
    for instruction in program.instructions {
      let r = base + (layout.registers + instruction.target) * n
      let a = resolve(instruction.a, base, statesAt: statesAt, n: n, time: time)
      let b = resolve(instruction.b, base, statesAt: statesAt, n: n, time: time)
      switch instruction.operation {
      case .add: binary(r, a, b, n, +)
      case .multiplyAdd:
        let c = resolve(instruction.c, base, statesAt: statesAt, n: n, time: time)
        multiplyAdd(r, a, b, c, n)
      case .subtract: binary(r, a, b, n, -)
      case .multiply: binary(r, a, b, n, *)
      case .divide: binary(r, a, b, n, /)
      case .negate: unary(r, a, n) { -$0 }
      case .square: binary(r, a, a, n, *)
      case .power(let p): unary(r, a, n) { Glibc.pow($0, p) }
      case .function(let fn):
        switch fn {
        case .exp:
          // Four at a time by the vectorised exponential (libm's is one call per value).
          unary(r, a, n) { $0 }
          exponentials(r, count: n)
        default: unary(r, a, n) { fn.apply($0) }
        }
      }
    }
  }

  @inline(__always)
  func binary(
    _ r: UnsafeMutablePointer<Double>, _ a: Resolved, _ b: Resolved, _ n: Int,
    _ f: (Double, Double) -> Double
  ) {
    switch (a.pointer, b.pointer) {
    case (let pa?, let pb?): for j in 0..<n { r[j] = f(pa[j], pb[j]) }
    case (let pa?, nil):
      let y = b.scalar
      for j in 0..<n { r[j] = f(pa[j], y) }
    case (nil, let pb?):
      let x = a.scalar
      for j in 0..<n { r[j] = f(x, pb[j]) }
    case (nil, nil):
      let v = f(a.scalar, b.scalar)
      for j in 0..<n { r[j] = v }
    }
  }

  /// r = a · b + c, each operand an array or one value.
  func multiplyAdd(_ r: UnsafeMutablePointer<Double>, _ a: Resolved, _ b: Resolved, _ c: Resolved, _ n: Int) {
    let (x, y, z) = (a.scalar, b.scalar, c.scalar)
    switch (a.pointer, b.pointer, c.pointer) {
    case (let pa?, let pb?, let pc?): for j in 0..<n { r[j] = pa[j] * pb[j] + pc[j] }
    case (nil, let pb?, let pc?): for j in 0..<n { r[j] = x * pb[j] + pc[j] }
    case (let pa?, nil, let pc?): for j in 0..<n { r[j] = pa[j] * y + pc[j] }
    case (let pa?, let pb?, nil): for j in 0..<n { r[j] = pa[j] * pb[j] + z }
    case (nil, let pb?, nil): for j in 0..<n { r[j] = x * pb[j] + z }
    case (let pa?, nil, nil): for j in 0..<n { r[j] = pa[j] * y + z }
    case (nil, nil, let pc?): for j in 0..<n { r[j] = x * y + pc[j] }
    case (nil, nil, nil):
      let v = x * y + z
      for j in 0..<n { r[j] = v }
    }
  }

  @inline(__always)
  func unary(_ r: UnsafeMutablePointer<Double>, _ a: Resolved, _ n: Int, _ f: (Double) -> Double) {
    if let pa = a.pointer {
      for j in 0..<n { r[j] = f(pa[j]) }
    } else {
      let v = f(a.scalar)
      for j in 0..<n { r[j] = v }
    }
  }

  func copy(_ base: UnsafeMutablePointer<Double>, from: Int, to: Int, slots: Int, n: Int) {
    (base + to * n).update(from: base + from * n, count: slots * n)
  }

  /// states += h · derivatives, slot by slot.
  func axpy(_ base: UnsafeMutablePointer<Double>, _ h: Double, from: Int, into: Int, slots: Int, n: Int) {
    let x = base + into * n, d = base + from * n
    for j in 0..<(slots * n) { x[j] += h * d[j] }
  }

  /// target = states + h · Σ weight · k, slot by slot.
  func combine(
    _ base: UnsafeMutablePointer<Double>, _ states: Int, _ h: Double, _ ks: [Int], _ weights: [Double],
    into target: Int, slots: Int, n: Int
  ) {
    let y = base + states * n, out = base + target * n
    let k0 = base + ks[0] * n
    if ks.count == 1 {
      for j in 0..<(slots * n) { out[j] = y[j] + h * k0[j] }
    } else {
      let (k1, k2, k3) = (base + ks[1] * n, base + ks[2] * n, base + ks[3] * n)
      let (w0, w1, w2, w3) = (weights[0], weights[1], weights[2], weights[3])
      for j in 0..<(slots * n) { out[j] = y[j] + h * (w0 * k0[j] + w1 * k1[j] + w2 * k2[j] + w3 * k3[j]) }
    }
  }
}
