import Foundation
import NeuroUnits

@testable import NeuroLang

/// `editors/neuro.tmLanguage.json`, the TextMate grammar of `.neuro` files, written from the language's own
/// lists (keywords, statement words, built-ins, models, units) so that it cannot drift from them.
enum EditorGrammar {
  static let path = GoldenScripts.repository.appendingPathComponent("editors/neuro.tmLanguage.json")

  /// The scope of each keyword's class.
  static func scope(of keyword: Keyword) -> String {
    switch keyword {
    case .if, .else, .for, .in, .while, .return, .break, .continue: return "keyword.control.neuro"
    case .and, .or, .not: return "keyword.operator.logical.neuro"
    case .true, .false: return "constant.language.boolean.neuro"
    case .fn: return "storage.type.function.neuro"
    case .let: return "storage.type.neuro"
    case .neuron, .inject, .from, .to, .run, .reset, .plot, .print, .import, .as, .step, .save, .load, .seed:
      return "keyword.other.neuro"
    }
  }

  static let identifier = "[\\p{L}_][\\p{L}_0-9]*"
  private static let before = "(?<![\\p{L}_0-9.])", after = "(?![\\p{L}_0-9])"

  /// Words as a regex alternation, longest first; spellings that Swift deems equal but that differ in their
  /// code points (`Ω` U+03A9 and the ohm sign U+2126) are both kept.
  static func alternation(_ words: some Sequence<String>) -> String {
    var seen: Set<[UInt32]> = []
    let unique = words.map { $0.unicodeScalars.map(\.value) }.filter { seen.insert($0).inserted }
    return unique.sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
      .map {
        NSRegularExpression.escapedPattern(for: String(String.UnicodeScalarView($0.compactMap(Unicode.Scalar.init))))
      }
      .joined(separator: "|")
  }

  /// A unit suffix: a prefix's spelling and a base unit's, as the lexer reads them (`UnitTable`).
  static let unit =
    "(?:\(alternation(UnitPrefix.all.flatMap { [$0.symbol] + $0.aliases }.filter { !$0.isEmpty })))?"
    + "(?:\(alternation(BaseUnit.all.flatMap { [$0.symbol] + $0.aliases })))"

  static let statementWords = Parser.contextualStatements.keys
  static let functions = Builtins.all.keys.filter { ModelKind.all[$0] == nil }
  static let models = ModelKind.all.keys

  /// The grammar as the JSON object the file holds.
  static var grammar: [String: Any] {
    let keywordClasses = Dictionary(grouping: Keyword.allCases, by: scope(of:))
    let keywords: [[String: Any]] = keywordClasses.keys.sorted().map { scope in
      ["name": scope, "match": before + "(\(alternation(keywordClasses[scope, default: []].map(\.rawValue))))" + after]
    }
    let repository: [String: Any] = [
      "comment": ["name": "comment.line.number-sign.neuro", "match": "#.*$"],
      "string": [
        "name": "string.quoted.double.neuro", "begin": "\"", "end": "\"|$",
        "beginCaptures": ["0": ["name": "punctuation.definition.string.begin.neuro"]],
        "endCaptures": ["0": ["name": "punctuation.definition.string.end.neuro"]],
        "patterns": [
          ["name": "constant.character.escape.neuro", "match": "\\\\[nt\"\\\\{}]|\\{\\{|\\}\\}"],
          ["name": "invalid.illegal.escape.neuro", "match": "\\\\."], ["include": "#interpolation"],
        ],
      ],
      "interpolation": [
        "name": "meta.interpolation.neuro", "begin": "\\{", "end": "\\}",
        "beginCaptures": ["0": ["name": "punctuation.section.interpolation.begin.neuro"]],
        "endCaptures": ["0": ["name": "punctuation.section.interpolation.end.neuro"]],
        "patterns": [["include": "#braces"], ["include": "$self"]],
      ],
      "braces": ["begin": "\\{", "end": "\\}", "patterns": [["include": "#braces"], ["include": "$self"]]],
      "declaration": [
        "patterns": [
          [
            "match": before + "(fn)\\s+(\(identifier))",
            "captures": ["1": ["name": "storage.type.function.neuro"], "2": ["name": "entity.name.function.neuro"]],
          ],
          [
            "match": "(?:^|(?<=[;{]))\\s*(model)\\s+(\(identifier))",
            "captures": ["1": ["name": "keyword.other.statement.neuro"], "2": ["name": "entity.name.type.neuro"]],
          ],
        ]
      ],
      "statement": [
        "match": "(?:^|(?<=[;{]))\\s*(\(alternation(statementWords)))\(after)(?!\\s*[(=.:\\[,])",
        "captures": ["1": ["name": "keyword.other.statement.neuro"]],
      ],
      "number": [
        "match":
          "(?<![\\p{L}_0-9])([0-9][0-9_]*(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)(?:(\(unit))\(after)|(\(identifier)))?",
        "captures": [
          "1": ["name": "constant.numeric.neuro"], "2": ["name": "keyword.other.unit.neuro"],
          "3": ["name": "invalid.illegal.unit.neuro"],
        ],
      ],
      "keyword": ["patterns": keywords],
      "builtin": [
        "patterns": [
          ["name": "support.class.model.neuro", "match": before + "(\(alternation(models)))" + after],
          ["name": "support.function.builtin.neuro", "match": before + "(\(alternation(functions)))" + after],
        ]
      ],
      "label": ["name": "variable.parameter.neuro", "match": "\(identifier)(?=\\s*:)"],
      "operator": [
        "patterns": [
          ["name": "keyword.operator.arrow.neuro", "match": "->"],
          ["name": "keyword.operator.comparison.neuro", "match": "==|!=|<=|>=|<|>"],
          ["name": "keyword.operator.assignment.neuro", "match": "\\+=|="],
          ["name": "keyword.operator.range.neuro", "match": "\\.\\."],
          ["name": "keyword.operator.arithmetic.neuro", "match": "[-+*/^\u{2212}×·]"],
        ]
      ],
      "punctuation": [
        "patterns": [
          ["name": "punctuation.section.parens.neuro", "match": "[()]"],
          ["name": "punctuation.section.brackets.neuro", "match": "[\\[\\]]"],
          ["name": "punctuation.section.braces.neuro", "match": "[{}]"],
          ["name": "punctuation.separator.comma.neuro", "match": ","],
          ["name": "punctuation.separator.colon.neuro", "match": ":"],
          ["name": "punctuation.terminator.statement.neuro", "match": ";"],
          ["name": "punctuation.accessor.neuro", "match": "\\."],
        ]
      ],
      "identifier": ["name": "variable.other.neuro", "match": identifier],
    ]
    let order = [
      "comment", "string", "declaration", "statement", "number", "keyword", "builtin", "label", "operator",
      "punctuation", "identifier",
    ]
    return [
      "name": "neuro", "scopeName": "source.neuro", "fileTypes": ["neuro"],
      "comment": "Written by Tests/NeuroLangTests/EditorGrammar.swift from the language's own lists; "
        + "NEURO_WRITE_GRAMMAR=1 swift test --filter EditorGrammarTests writes it anew.",
      "patterns": order.map { ["include": "#\($0)"] }, "repository": repository,
    ]
  }

  /// The grammar's file text: sorted keys, two-space indentation, a final newline.
  static var text: String {
    let data =
      (try? JSONSerialization.data(
        withJSONObject: grammar, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
