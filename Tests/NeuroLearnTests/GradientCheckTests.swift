import Testing

@testable import NeuroEngine
@testable import NeuroLearn

/// Backpropagation against central finite differences, for every activation and loss: each weight
/// and bias of a small network is nudged by ±1e-5 and the change of the loss compared with the
/// gradient (relative difference under 1e-6; double precision leaves about 1e-9 of rounding).
@Suite struct GradientCheckTests {
  private func network(_ hidden: Activation, _ output: Activation, outputs: Int, seed: UInt64) -> Sequential {
    var random = RandomSource(seed: seed)
    return Sequential(layers: [
      Dense(inputs: 3, units: 4, activation: hidden, initializer: .glorotUniform, random: &random),
      Dense(inputs: 4, units: outputs, activation: output, initializer: .heNormal, random: &random),
    ])
  }

  private func batch(outputs: Int, loss: Loss, seed: UInt64) -> (Matrix, Matrix) {
    var random = RandomSource(seed: seed)
    let x = Matrix(rows: 5, columns: 3, values: (0..<15).map { _ in 2 * random.uniform() - 1 })
    var y = Matrix(rows: 5, columns: outputs)
    for r in 0..<5 {
      switch loss {
      case .categoricalCrossentropy: y[r, r % outputs] = 1
      case .binaryCrossentropy: for j in 0..<outputs { y[r, j] = Double((r + j) % 2) }
      case .meanSquaredError: for j in 0..<outputs { y[r, j] = random.uniform() }
      }
    }
    return (x, y)
  }

  @Test(arguments: Activation.allCases)
  func hiddenActivationsBackpropagateExactly(_ hidden: Activation) {
    check(network(hidden, .sigmoid, outputs: 2, seed: 3), loss: .binaryCrossentropy, outputs: 2)
  }

  @Test(arguments: [
    (Activation.sigmoid, Loss.binaryCrossentropy), (.softmax, .categoricalCrossentropy), (.linear, .meanSquaredError),
    (.tanh, .meanSquaredError), (.softmax, .meanSquaredError), (.sigmoid, .meanSquaredError),
  ])
  func outputsAndLossesBackpropagateExactly(_ output: Activation, _ loss: Loss) {
    check(network(.tanh, output, outputs: 3, seed: 5), loss: loss, outputs: 3)
  }

  private func check(_ net: Sequential, loss: Loss, outputs: Int) {
    let (x, y) = batch(outputs: outputs, loss: loss, seed: 11)
    let analytic = net.gradients(x, y, loss: loss).layers
    let h = 1e-5
    for l in net.layers.indices {
      let layer = net.layers[l]
      var parameters = layer.weights.values + layer.bias
      let gradient = analytic[l].0.values + analytic[l].1
      for k in parameters.indices {
        func lossWith(_ value: Double) -> Double {
          parameters[k] = value
          var nudged = net
          nudged.layers[l].setParameters(
            weights: Array(parameters[0..<layer.weights.values.count]),
            bias: Array(parameters[layer.weights.values.count...]))
          return loss.value(nudged.predict(x), y)
        }
        let original = parameters[k]
        let numeric = (lossWith(original + h) - lossWith(original - h)) / (2 * h)
        parameters[k] = original
        let scale = max(1e-3, abs(numeric) + abs(gradient[k]))
        #expect(
          abs(numeric - gradient[k]) / scale < 1e-6, "layer \(l), parameter \(k): \(numeric) against \(gradient[k])")
      }
    }
  }
}
