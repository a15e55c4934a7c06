#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroUnits

/// How close a prediction came, from 0 (nothing) to 1 (full marks), and the lesson's calibration
/// score: the mean over the predictions made.
public enum PredictionScore {
  /// A number within this fraction of the result, either way, scores full marks.
  public static let fullMarksWithin = 0.1
  /// A number off by this factor or more (three times too large, or a third) scores nothing.
  public static let nothingFrom = 3.0

  /// The rule as the student reads it.
  public static let rule =
    "A number within 10 % of the simulation's, either way, scores 100 %; off by a factor of 3 or more (three times too "
    + "large, or a third) it scores 0 %; in between the score falls evenly with the logarithm of the ratio "
    + "(1.5 times off: 69 %, 2 times off: 40 %). When the result is 0 only 0 scores. A choice scores 100 % or 0 %. "
    + "The lesson's calibration score is the mean over the predictions you made."

  /// The score of a number against the simulation's value: full marks within `fullMarksWithin` of
  /// it, nothing from `nothingFrom` times off, and in between linear in the logarithm of the ratio
  /// (the larger over the smaller); 0 for opposite signs.
  public static func score(predicted: Double, truth: Double) -> Double {
    if predicted == truth { return 1 }
    guard predicted != 0, truth != 0, (predicted > 0) == (truth > 0), predicted.isFinite, truth.isFinite else {
      return 0
    }
    let ratio = predicted / truth
    // Where full marks end on this side: 1.1 times the result, or 0.9 times it (1/0.9 off).
    let edge = ratio > 1 ? 1 + fullMarksWithin : 1 / (1 - fullMarksWithin)
    let off = max(ratio, 1 / ratio)
    let score = (log(nothingFrom) - log(off)) / (log(nothingFrom) - log(edge))
    return min(1, max(0, score))
  }

  /// How far off a number is, in words: `exact`, `12 % high`, `40 % low`.
  public static func offBy(predicted: Double, truth: Double) -> String {
    guard truth != 0 else { return predicted == 0 ? "exact" : "the result is 0" }
    let relative = (predicted - truth) / abs(truth)
    let percent = percentText(abs(relative))
    if percent == "0 %" { return "exact" }
    return "\(percent) \(relative > 0 ? "high" : "low")"
  }

  /// A fraction as a whole percentage: `69 %`.
  public static func percentText(_ fraction: Double) -> String {
    "\(Int(saturating: (fraction * 100).rounded())) %"
  }

  /// The calibration score of a lesson: the mean of the scores made; nil when none was made.
  public static func mean(_ scores: [Double]) -> Double? {
    scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
  }
}
