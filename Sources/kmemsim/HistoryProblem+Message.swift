import LineEditing
import MMShell

/// The history file's problems in both languages. LineEditing sits beside MMShell and has no catalog, so its facts
/// are worded here, where both meet.
extension HistoryProblem {
    var message: Message {
        switch self {
        case .cannotCheck(let p, let why):
            Message(en: "cannot check \(p): \(why)", ko: "히스토리 파일을 확인할 수 없습니다: \(p): \(why)")
        case .notRegularFile(let p):
            Message(en: "\(p) is not a regular file; history will not be saved there (set KMEMSIM_HISTORY to a file, or to empty for none)",
                    ko: "일반 파일이 아니어서 히스토리를 저장하지 않습니다: \(p) (KMEMSIM_HISTORY를 파일로 정하거나, 비워 두면 저장하지 않습니다)")
        case .cannotRead(let p, let why):
            Message(en: "cannot read \(p): \(why)", ko: "히스토리 파일을 읽을 수 없습니다: \(p): \(why)")
        case .notHistoryFile(let p):
            Message(en: "\(p) is not a kmemsim history file; it is left alone and history will not be saved (set KMEMSIM_HISTORY to another file)",
                    ko: "kmemsim 히스토리 파일이 아닙니다: \(p). 파일은 그대로 두고 히스토리는 저장하지 않습니다 (KMEMSIM_HISTORY를 다른 파일로 정하세요)")
        case .cannotSaveNextTo(let p, let why):
            Message(en: "cannot save history next to \(p): \(why)", ko: "히스토리를 저장할 수 없습니다(\(p) 옆에 임시 파일을 만들지 못했습니다): \(why)")
        case .cannotSave(let p, let why?):
            Message(en: "cannot save history to \(p): \(why)", ko: "히스토리를 저장할 수 없습니다: \(p): \(why)")
        case .cannotSave(let p, nil):
            Message(en: "cannot save history to \(p)", ko: "히스토리를 저장할 수 없습니다: \(p)")
        case .cannotCreateDirectory(let p):
            Message(en: "cannot create the directory for \(p)", ko: "히스토리 파일의 디렉터리를 만들 수 없습니다: \(p)")
        }
    }
}
