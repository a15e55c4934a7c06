import NeuroLang

/// A shell `neuro completion` writes a script for.
enum Shell: String, CaseIterable {
  case bash, zsh, fish
}

/// `neuro completion bash|zsh|fish`: scripts that complete the commands, the options and their values, `.neuro`
/// files and lesson numbers, written from the table of options (`OptionSpec.all`) so that none is left out.
enum ShellCompletion {
  /// The script for `shell`, offering `lessons` as lesson numbers.
  static func script(for shell: Shell, lessons: [Int]) -> String {
    switch shell {
    case .bash: return bash(lessons: lessons.map(String.init).joined(separator: " "))
    case .zsh: return zsh(lessons: lessons.map(String.init).joined(separator: " "))
    case .fish: return fish(lessons: lessons.map(String.init).joined(separator: " "))
    }
  }

  private static let commands = Subcommand.allCases.map(\.rawValue).joined(separator: " ")

  /// The summary up to its first aside: what fits beside a completion.
  private static func short(_ text: String) -> String {
    String(text.prefix { !":;(".contains($0) }).trimmed()
  }

  /// The words an option's value can be in bash: its choices, or the thread counts of this machine.
  private static func bashWords(_ spec: OptionSpec) -> String {
    spec.id == .threads ? "$(seq 1 \"$(nproc 2>/dev/null || echo 1)\")" : spec.choices.joined(separator: " ")
  }

  private static func bash(lessons: String) -> String {
    let valued = OptionSpec.all.filter { $0.value != nil }.map { spec in
      let words = spec.id == .output ? "compgen -f -- \"$cur\"" : "compgen -W \"\(bashWords(spec))\" -- \"$cur\""
      return "    \(spec.names.joined(separator: "|"))) COMPREPLY=($(\(words))); return ;;\n"
    }.joined()
    let options = OptionSpec.all.flatMap(\.names).joined(separator: " ")
    return """
      # bash completion for neuro: add `source <(neuro completion bash)` to ~/.bashrc
      _neuro() {
        local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} neuro_files
        if [[ $prev == = && $COMP_CWORD -gt 1 ]]; then prev=${COMP_WORDS[COMP_CWORD-2]}; fi
        case $prev in
      \(valued)    lesson|lessons) COMPREPLY=($(compgen -W "\(lessons)" -- "$cur")); return ;;
          completion) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")); return ;;
          help) COMPREPLY=($(compgen -W "\(commands)" -- "$cur")); return ;;
        esac
        neuro_files=($(compgen -f -X '!*.neuro' -- "$cur") $(compgen -d -- "$cur"))
        if [[ $cur == -* ]]; then
          COMPREPLY=($(compgen -W "\(options)" -- "$cur"))
        elif [[ $COMP_CWORD -eq 1 ]]; then
          COMPREPLY=($(compgen -W "\(commands)" -- "$cur") "${neuro_files[@]}")
        else
          COMPREPLY=("${neuro_files[@]}")
        fi
      }
      complete -o filenames -F _neuro neuro

      """
  }

  private static func zsh(lessons: String) -> String {
    func escaped(_ text: String) -> String {
      short(text).replacing("'", with: "'\\''").replacing("[", with: "\\[").replacing("]", with: "\\]")
        .replacing(":", with: "\\:")
    }
    let options = OptionSpec.all.flatMap { spec in
      spec.names.map { name in
        guard let value = spec.value else { return "    '\(name)[\(escaped(spec.summary))]' \\\n" }
        let action =
          spec.id == .output ? "_files" : spec.choices.isEmpty ? " " : "(\(spec.choices.joined(separator: " ")))"
        return "    '\(name)\(name.hasPrefix("--") ? "=" : "")[\(escaped(spec.summary))]:\(value):\(action)' \\\n"
      }
    }.joined()
    let described = Subcommand.allCases.map { "'\($0.rawValue):\(escaped(HelpPage.page(for: $0).summary))'" }
    return """
      #compdef neuro
      # zsh completion for neuro: `neuro completion zsh > ~/.zfunc/_neuro`, with ~/.zfunc in fpath before compinit
      _neuro() {
        local state
        local -a commands=(\(described.joined(separator: " ")))
        _arguments -s \\
      \(options)    '1: :->first' \\
          '*:: :->rest'
        case $state in
          first) _alternative 'commands:command:_describe command commands' 'files:script:_files -g "*.neuro"' ;;
          rest)
            case $words[1] in
              lesson|lessons) _values lesson \(lessons) ;;
              completion) _values shell bash zsh fish ;;
              help) _values command \(commands) ;;
              *) _files -g '*.neuro' ;;
            esac ;;
        esac
      }
      _neuro "$@"

      """
  }

  /// Text in fish's single quotes.
  private static func fishQuoted(_ text: String) -> String {
    "'" + text.replacing("\\", with: "\\\\").replacing("'", with: "\\'") + "'"
  }

  private static func fish(lessons: String) -> String {
    let options = OptionSpec.all.map { spec in
      var line = "complete -c neuro"
      if let owner = spec.command { line += " -n '__fish_seen_subcommand_from \(owner.rawValue)'" }
      for name in spec.names { line += name.hasPrefix("--") ? " -l \(name.dropFirst(2))" : " -s \(name.dropFirst())" }
      if spec.value != nil { line += spec.id == .output ? " -r -F" : " -x" }
      if !spec.choices.isEmpty { line += " -a '\(spec.choices.joined(separator: " "))'" }
      return line + " -d \(fishQuoted(short(spec.summary)))\n"
    }.joined()
    let described = Subcommand.allCases.map { command in
      let summary = fishQuoted(short(HelpPage.page(for: command).summary))
      return "complete -c neuro -n __fish_use_subcommand -a \(command.rawValue) -d \(summary)\n"
    }.joined()
    return """
      # fish completion for neuro: neuro completion fish > ~/.config/fish/completions/neuro.fish
      complete -c neuro -f
      complete -c neuro -n __fish_use_subcommand -a '(__fish_complete_suffix .neuro)'
      \(described)complete -c neuro -n '__fish_seen_subcommand_from check' -a '(__fish_complete_suffix .neuro)'
      complete -c neuro -n '__fish_seen_subcommand_from lesson lessons' -x -a '\(lessons)'
      complete -c neuro -n '__fish_seen_subcommand_from completion' -x -a 'bash zsh fish'
      complete -c neuro -n '__fish_seen_subcommand_from help' -x -a '\(commands)'
      \(options)
      """
  }
}
