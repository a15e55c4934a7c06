import NeuroEngine

/// How a layer's weights start.
public enum Initializer: String, Sendable, CaseIterable {
  /// Uniform in ±√(6 / (inputs + outputs)) (Glorot & Bengio 2010; Keras's default).
  case glorotUniform = "glorot_uniform"
  /// Normal with standard deviation √(2 / inputs), cut at two standard deviations (He et al. 2015, as
  /// Keras's he_normal).
  case heNormal = "he_normal"
}

/// A fully connected layer: outputs = activation(inputs · weights + bias).
public struct Dense: Sendable {
  public let inputs: Int
  public let units: Int
  public let activation: Activation
  /// inputs × units, row by row.
  public internal(set) var weights: Matrix
  public internal(set) var bias: [Double]
  var weightState: OptimizerState
  var biasState: OptimizerState
  /// The optimizer the states belong to: a different one starts afresh, as a new Keras optimizer does.
  var stateOptimizer: Optimizer? = nil

  public init(inputs: Int, units: Int, activation: Activation, initializer: Initializer, random: inout RandomSource) {
    self.inputs = inputs
    self.units = units
    self.activation = activation
    var values = [Double](repeating: 0, count: inputs * units)
    switch initializer {
    case .glorotUniform:
      let limit = (6 / Double(inputs + units)).squareRoot()
      for i in values.indices { values[i] = (2 * random.uniform() - 1) * limit }
    case .heNormal:
      // Keras divides by the standard deviation of a unit normal cut at ±2, so that the cut draws still
      // have variance 2 / inputs.
      let sd = (2 / Double(inputs)).squareRoot() / 0.87962566103423978
      for i in values.indices {
        var z = random.normal()
        while abs(z) > 2 { z = random.normal() }
        values[i] = z * sd
      }
    }
    weights = Matrix(rows: inputs, columns: units, values: values)
    bias = Array(repeating: 0, count: units)
    weightState = OptimizerState(count: values.count)
    biasState = OptimizerState(count: units)
  }

  /// Weights and biases.
  public var parameterCount: Int { inputs * units + units }

  /// The weighted sums and the activations of a batch.
  func forward(_ x: Matrix) -> (sums: Matrix, activations: Matrix) {
    var z = x.times(weights)
    for r in 0..<z.rows {
      for j in 0..<units { z.values[r * units + j] += bias[j] }
    }
    return (z, activation.apply(z))
  }

  /// From ∂L/∂activations (or, `ofSums`, already ∂L/∂sums): the gradients of the weights and biases,
  /// and ∂L/∂inputs when asked for.
  func backward(
    _ gradient: Matrix, inputs x: Matrix, activations a: Matrix, inputGradient: Bool = true, ofSums: Bool = false
  ) -> (weights: Matrix, bias: [Double], inputs: Matrix?) {
    let g = ofSums ? gradient : activation.backward(gradient, activations: a)
    var biasGradient = [Double](repeating: 0, count: units)
    for r in 0..<g.rows {
      for j in 0..<units { biasGradient[j] += g.values[r * units + j] }
    }
    return (x.transposedTimes(g), biasGradient, inputGradient ? g.timesTransposed(weights) : nil)
  }

  mutating func apply(weightGradient: Matrix, biasGradient: [Double], _ optimizer: Optimizer) {
    if stateOptimizer != optimizer {
      (weightState, biasState) = (OptimizerState(count: weights.values.count), OptimizerState(count: units))
      stateOptimizer = optimizer
    }
    weightState.update(&weights.values, weightGradient.values, optimizer)
    biasState.update(&bias, biasGradient, optimizer)
  }

  /// Sets the parameters (gradient checks).
  mutating func setParameters(weights: [Double], bias: [Double]) {
    self.weights.values = weights
    self.bias = bias
  }
}
