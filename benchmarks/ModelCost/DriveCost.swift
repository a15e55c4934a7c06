import Foundation
import NeuroEngine

/// Nanoseconds per neuron per step of an independent Poisson drive of mean `mean` events a step, delivered
/// block by block into one array of 10 000 values (the best of three rounds), beside the cost of one
/// 64-bit random number and of one exact Poisson count (`RandomSource.poisson`) a neuron a step.
func driveCosts(neurons: Int, steps: Int) {
  func best(_ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<3 {
      let start = DispatchTime.now().uptimeNanoseconds
      body()
      best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / Double(steps * neurons))
    }
    return best
  }
  var values = [Double](repeating: 0, count: neurons)
  var random = RandomSource(seed: 1)
  let oneNumber = best {
    values.withUnsafeMutableBufferPointer { v in
      for _ in 0..<steps { for i in 0..<neurons { v[i] += Double(random.next() >> 63) } }
    }
  }
  let oneCount = best {
    values.withUnsafeMutableBufferPointer { v in
      for _ in 0..<steps { for i in 0..<neurons { v[i] += Double(random.poisson(mean: 2)) } }
    }
  }
  print("\nPoisson drive, \(neurons) neurons, \(steps) steps, ns per neuron per step (best of 3)")
  print(
    String(
      format: "one 64-bit random number a neuron: %6.2f   one exact Poisson(2) count a neuron: %6.2f", oneNumber,
      oneCount))
  let target = Simulation().add(LIFGroup(count: 1, parameters: LIFParameters()))
  for (sources, rate) in [(10, 10.0), (100, 20.0), (1000, 20.0), (1000, 100.0)] {
    var drive = PoissonDrive(
      target: target, range: 0..<neurons, channel: 0, sources: sources, rate: rate, weight: 1, delay: 0,
      seed: 1, startStep: 0)
    drive.prepare(dt: 1e-4)
    var states = drive.blocks
    let cost = best {
      values.withUnsafeMutableBufferPointer { v in
        for _ in 0..<steps {
          for b in 0..<drive.blockCount { drive.deliver(block: b, into: v, state: &states[b]) }
        }
      }
    }
    let mean = Double(sources) * rate * 1e-4
    print(String(format: "drive poisson(%d, rate: %g Hz): mean %5.2f a step   %6.2f", sources, rate, mean, cost))
  }
  if values[0] < 0 { print(values[0]) }
}
