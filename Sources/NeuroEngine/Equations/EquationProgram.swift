#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An expression of a user-written model, in SI units, over a group's state arrays.
public indirect enum EquationNode: Sendable, Hashable {
  case constant(Double)
  /// A state variable, by its index.
  case state(Int)
  /// A parameter, by its index (one value for the whole group).
  case parameter(Int)
  /// The injected current (A).
  case input
  /// The simulated time (s).
  case time
  case negate(EquationNode)
  case add(EquationNode, EquationNode)
  case subtract(EquationNode, EquationNode)
  case multiply(EquationNode, EquationNode)
  case divide(EquationNode, EquationNode)
  case power(EquationNode, Double)
  case function(MathFunction, EquationNode)

  /// The node with every subtree that does not depend on the neuron computed once.
  public func folded(parameters: [Double]) -> EquationNode {
    switch self {
    case .parameter(let i): return .constant(parameters[i])
    case .constant, .state, .input, .time: return self
    case .negate(let a):
      let f = a.folded(parameters: parameters)
      if case .constant(let x) = f { return .constant(-x) }
      return .negate(f)
    case .power(let a, let p):
      let f = a.folded(parameters: parameters)
      if case .constant(let x) = f { return .constant(Glibc.pow(x, p)) }
      return .power(f, p)
    case .function(let fn, let a):
      let f = a.folded(parameters: parameters)
      if case .constant(let x) = f { return .constant(fn.apply(x)) }
      return .function(fn, f)
    case .add(let a, let b): return EquationNode.foldBinary(a, b, parameters, +, EquationNode.add)
    case .subtract(let a, let b): return EquationNode.foldBinary(a, b, parameters, -, EquationNode.subtract)
    case .multiply(let a, let b): return EquationNode.foldBinary(a, b, parameters, *, EquationNode.multiply)
    case .divide(let a, let b): return EquationNode.foldBinary(a, b, parameters, /, EquationNode.divide)
    }
  }

  private static func foldBinary(
    _ a: EquationNode, _ b: EquationNode, _ parameters: [Double],
    _ op: (Double, Double) -> Double,
    _ make: (EquationNode, EquationNode) -> EquationNode
  ) -> EquationNode {
    let (fa, fb) = (a.folded(parameters: parameters), b.folded(parameters: parameters))
    if case .constant(let x) = fa, case .constant(let y) = fb { return .constant(op(x, y)) }
    return make(fa, fb).simplified()
  }

  /// The node with constant factors gathered: `x / c` becomes `x · (1/c)` and nested constant
  /// factors multiply into one, so that fewer array passes remain (rounding may differ in the last bit).
  public func reassociated() -> EquationNode {
    switch self {
    case .divide(let a, .constant(let c)) where c != 0:
      return EquationNode.multiply(.constant(1 / c), a).reassociated()
    case .multiply(let a, let b):
      let (x, y) = (a.reassociated(), b.reassociated())
      switch (x, y) {
      case (.constant(let p), .constant(let q)): return .constant(p * q)
      case (.constant(let p), .multiply(.constant(let q), let z)),
        (.multiply(.constant(let q), let z), .constant(let p)):
        return .multiply(.constant(p * q), z)
      case (let z, .constant(let p)): return .multiply(.constant(p), z)
      default: return .multiply(x, y)
      }
    case .divide(let a, let b): return .divide(a.reassociated(), b.reassociated())
    case .add(let a, let b): return .add(a.reassociated(), b.reassociated())
    case .subtract(let a, let b): return .subtract(a.reassociated(), b.reassociated())
    case .negate(let a): return .negate(a.reassociated())
    case .power(let a, let p): return .power(a.reassociated(), p)
    case .function(let fn, let a): return .function(fn, a.reassociated())
    default: return self
    }
  }

  /// A constant factor in front of the whole expression, and what it multiplies.
  public var leadingFactor: (factor: Double, rest: EquationNode) {
    if case .multiply(.constant(let c), let rest) = self { return (c, rest) }
    return (1, self)
  }

  /// The node without the operations that do nothing: `x · 0`, `x + 0`, `x · 1`, `x / 1`, `0 / x`.
  public func simplified() -> EquationNode {
    func isConstant(_ n: EquationNode, _ value: Double) -> Bool {
      if case .constant(let x) = n { return x == value }
      return false
    }
    switch self {
    case .negate(let a):
      let s = a.simplified()
      if isConstant(s, 0) { return .constant(0) }
      if case .subtract(let p, let q) = s { return .subtract(q, p) }  // -(p - q) is exactly q - p
      return .negate(s)
    case .add(let a, let b):
      let (x, y) = (a.simplified(), b.simplified())
      if isConstant(x, 0) { return y }
      if isConstant(y, 0) { return x }
      if case .negate(let p) = x { return .subtract(y, p) }  // -p + y is exactly y - p
      if case .negate(let q) = y { return .subtract(x, q) }
      return .add(x, y)
    case .subtract(let a, let b):
      let (x, y) = (a.simplified(), b.simplified())
      if isConstant(y, 0) { return x }
      if isConstant(x, 0) { return .negate(y) }
      return .subtract(x, y)
    case .multiply(let a, let b):
      let (x, y) = (a.simplified(), b.simplified())
      if isConstant(x, 0) || isConstant(y, 0) { return .constant(0) }
      if isConstant(x, 1) { return y }
      if isConstant(y, 1) { return x }
      return .multiply(x, y)
    case .divide(let a, let b):
      let (x, y) = (a.simplified(), b.simplified())
      if isConstant(x, 0) { return .constant(0) }
      if isConstant(y, 1) { return x }
      return .divide(x, y)
    case .power(let a, let p):
      let s = a.simplified()
      if p == 1 { return s }
      if p == 0 { return .constant(1) }
      return .power(s, p)
    case .function(let fn, let a): return .function(fn, a.simplified())
    default: return self
    }
  }

  /// The value for one neuron (used for resets, which touch only the neurons that fired, and for
  /// judging a model's time scales).
  public func value(state: (Int) -> Double, parameters: [Double], input: Double, time: Double) -> Double {
    func v(_ n: EquationNode) -> Double { n.value(state: state, parameters: parameters, input: input, time: time) }
    switch self {
    case .constant(let x): return x
    case .state(let i): return state(i)
    case .parameter(let i): return parameters[i]
    case .input: return input
    case .time: return time
    case .negate(let a): return -v(a)
    case .add(let a, let b): return v(a) + v(b)
    case .subtract(let a, let b): return v(a) - v(b)
    case .multiply(let a, let b): return v(a) * v(b)
    case .divide(let a, let b): return v(a) / v(b)
    case .power(let a, let p): return p == 2 ? v(a) * v(a) : Glibc.pow(v(a), p)
    case .function(let fn, let a): return fn.apply(v(a))
    }
  }
}

/// The functions a model's equations may use.
public enum MathFunction: String, Sendable, CaseIterable, Hashable {
  case exp, log, sqrt, abs, sin, cos, tanh

  public func apply(_ x: Double) -> Double {
    switch self {
    // The vectorised exponential, as the array programs compute it: a constant folded here and the same
    // expression computed over a group agree to the last bit.
    case .exp: return exponential(SIMD4(repeating: x))[0]
    case .log: return Glibc.log(x)
    case .sqrt: return x.squareRoot()
    case .abs: return Swift.abs(x)
    case .sin: return Glibc.sin(x)
    case .cos: return Glibc.cos(x)
    case .tanh: return Glibc.tanh(x)
    }
  }
}

/// Expressions compiled into array operations: each instruction computes a whole array
/// (one value per neuron) from arrays or single values, so the equations are never
/// re-interpreted per neuron. Expressions compiled together share their common parts.
struct ArrayProgram: Sendable {
  enum Operand: Sendable, Equatable {
    case register(Int)
    case state(Int)
    case input
    case scalar(Double)
    case time
  }

  enum Operation: Sendable {
    case add, subtract, multiply, divide, negate, square, power(Double), function(MathFunction)
    /// a · b + c in one pass (rounded as the two operations are: no fused multiply-add).
    case multiplyAdd
  }

  struct Instruction: Sendable {
    var operation: Operation
    var target: Int
    var a: Operand
    var b: Operand
    /// The third operand of `multiplyAdd`.
    var c: Operand = .scalar(0)
  }

  var instructions: [Instruction] = []
  var registerCount = 0
  /// Where each expression's value ends up, in the order given.
  var results: [Operand] = []
  private var computed: [EquationNode: Operand] = [:]

  init(_ nodes: [EquationNode]) {
    results = nodes.map { compile($0) }
    computed = [:]
  }

  private mutating func compile(_ node: EquationNode) -> Operand {
    if let known = computed[node] { return known }
    let operand: Operand
    switch node {
    case .constant(let x): return .scalar(x)
    case .parameter: return .scalar(.nan)  // folded away before compiling
    case .state(let i): return .state(i)
    case .input: return .input
    case .time: return .time
    case .negate(let a): operand = emit(.negate, compile(a), .scalar(0))
    case .add(.multiply(let a, let b), let c) where computed[.multiply(a, b)] == nil:
      operand = emit(.multiplyAdd, compile(a), compile(b), compile(c))
    case .add(let c, .multiply(let a, let b)) where computed[.multiply(a, b)] == nil:
      let addend = compile(c)
      operand = emit(.multiplyAdd, compile(a), compile(b), addend)
    case .add(let a, let b): operand = emit(.add, compile(a), compile(b))
    case .subtract(let a, let b): operand = emit(.subtract, compile(a), compile(b))
    case .multiply(let a, let b): operand = emit(.multiply, compile(a), compile(b))
    case .divide(let a, let b): operand = emit(.divide, compile(a), compile(b))
    case .power(let a, let p): operand = emit(p == 2 ? .square : .power(p), compile(a), .scalar(0))
    case .function(let fn, let a): operand = emit(.function(fn), compile(a), .scalar(0))
    }
    computed[node] = operand
    return operand
  }

  private mutating func emit(_ operation: Operation, _ a: Operand, _ b: Operand, _ c: Operand = .scalar(0)) -> Operand {
    let target = registerCount
    registerCount += 1
    instructions.append(Instruction(operation: operation, target: target, a: a, b: b, c: c))
    return .register(target)
  }
}

extension EquationNode {
  /// The derivative with respect to state variable `k` (for exponential Euler).
  public func derivative(withRespectTo k: Int) -> EquationNode {
    rawDerivative(withRespectTo: k).simplified()
  }

  private func rawDerivative(withRespectTo k: Int) -> EquationNode {
    switch self {
    case .constant, .parameter, .input, .time: return .constant(0)
    case .state(let i): return .constant(i == k ? 1 : 0)
    case .negate(let a): return .negate(a.derivative(withRespectTo: k))
    case .add(let a, let b): return .add(a.derivative(withRespectTo: k), b.derivative(withRespectTo: k))
    case .subtract(let a, let b): return .subtract(a.derivative(withRespectTo: k), b.derivative(withRespectTo: k))
    case .multiply(let a, let b):
      return .add(.multiply(a.derivative(withRespectTo: k), b), .multiply(a, b.derivative(withRespectTo: k)))
    case .divide(let a, let b):
      return .divide(
        .subtract(.multiply(a.derivative(withRespectTo: k), b), .multiply(a, b.derivative(withRespectTo: k))),
        .power(b, 2))
    case .power(let a, let p):
      return .multiply(.multiply(.constant(p), .power(a, p - 1)), a.derivative(withRespectTo: k))
    case .function(let fn, let a):
      let inner = a.derivative(withRespectTo: k)
      switch fn {
      case .exp: return .multiply(.function(.exp, a), inner)
      case .log: return .divide(inner, a)
      case .sqrt: return .divide(inner, .multiply(.constant(2), .function(.sqrt, a)))
      case .abs: return .multiply(.divide(a, .function(.abs, a)), inner)
      case .sin: return .multiply(.function(.cos, a), inner)
      case .cos: return .negate(.multiply(.function(.sin, a), inner))
      case .tanh: return .multiply(.subtract(.constant(1), .power(.function(.tanh, a), 2)), inner)
      }
    }
  }

  /// True when the expression mentions state variable `k`.
  public func depends(on k: Int) -> Bool { contains { $0 == .state(k) } }

  /// True when the expression reads the injected input.
  public var readsInput: Bool { contains { $0 == .input } }

  /// True when a leaf of the expression (a constant, state, parameter, input or time) satisfies `test`.
  private func contains(_ test: (EquationNode) -> Bool) -> Bool {
    switch self {
    case .state, .constant, .parameter, .input, .time: return test(self)
    case .negate(let a), .power(let a, _), .function(_, let a): return a.contains(test)
    case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b):
      return a.contains(test) || b.contains(test)
    }
  }
}
