// Demo front end for the LineEditing layer (replaced by the real shell on main): echoes lines,
// completes a few command names, keeps history. Exists so the pty smoke test has a real program.
import LineEditing

let commands = ["alloc_page", "alloc_pages", "__free_page", "__free_pages", "help", "quit", "exit"]

/// Completes the first word from `commands`; later words get no completion.
func completeCommand(_ lineBeforeCursor: String) -> Completion {
    let trimmed = lineBeforeCursor.drop(while: { $0 == " " })
    guard !trimmed.contains(" ") else { return Completion(replaceCount: 0, candidates: []) }
    let matches = commands.filter { $0.hasPrefix(trimmed) }
    return Completion(replaceCount: trimmed.count, candidates: matches)
}

let reader: LineReader
if isTerminal(0), isTerminal(1), let editor = EditLineReader(completionProvider: completeCommand) {
    reader = editor
} else {
    reader = PipeLineReader()
}

loop: while true {
    switch reader.readLine(prompt: "kmemsim> ") {
    case .interrupted:
        continue
    case .endOfInput:
        break loop
    case .line(let line):
        reader.addHistory(line)
        let word = line.split(separator: " ").first.map(String.init) ?? ""
        if word == "quit" || word == "exit" {
            break loop
        }
        print("you typed: \(line)")
    }
}
(reader as? EditLineReader)?.close()
