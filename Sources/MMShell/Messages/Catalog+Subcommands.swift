/// The Korean side of each sub-command's summary (`lesson start`, `task create`…), keyed by its full name; the English
/// stays in the command table. `CatalogTests` checks that every sub-command has one.
extension Message {
    static let koreanSubcommandSummaries: [String: String] = [
        "task create": "NAME이라는 커널 태스크를 fork합니다: THREAD_SIZE 크기의 커널 스택을 받고, 값은 그 pid입니다",
        "task exit": "PID 태스크가 종료됩니다: 커널 스택은 해제되거나 CPU의 스택 캐시에 보관됩니다",
        "task list": "모든 태스크의 pid, CPU, 커널 스택을 보여 줍니다 (--picture를 붙이면 'task stacks'와 같습니다)",
        "task stacks": "모든 태스크의 커널 스택과 그 위치(vmalloc 또는 페이지 할당자)를 그림으로 보여 줍니다",
        "stack use": "태스크 PID의 커널 스택을 BYTES만큼 쓰는 호출 사슬을 만듭니다 ('stack use irq BYTES'는 이 CPU의 인터럽트 핸들러)",
        "explain on": "이후 모든 명령의 단계를 설명합니다",
        "explain off": "설명을 멈춥니다",
        "explain tree": "마지막으로 설명한 명령의 블록 트리(분할과 병합)를 다시 그립니다",
        "lesson list": "모든 레슨의 제목과 진행 상황을 보여 줍니다",
        "lesson start": "레슨 ID(또는 .yaml로 끝나는 레슨 파일)를 그 레슨의 기계에서 시작합니다",
        "lesson quit": "레슨을 떠납니다(진행 상황은 남습니다). 원래의 기계로 돌아갑니다",
        "lesson summary": "레슨 ID(생략하면 진행 중인 레슨)가 가르치는 내용을 몇 줄로 보여 줍니다",
        "lesson export": "모든 레슨의 진행 상황을 FILE에 JSON으로 씁니다. --force는 kmemsim이 쓰지 않은 파일도 바꿉니다",
        "lesson import": "'lesson export FILE'로 쓴 진행 상황을 지금의 진행 상황에 합칩니다",
    ]
}
