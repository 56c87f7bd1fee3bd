/// The words of `help`'s overview (the per-command texts come from the command table).
enum HelpStrings {
    static let intro = Message(
        en: "kmemsim: call the Linux 6.6 memory manager's API by name. Both forms work: alloc_pages GFP_KERNEL 3 or alloc_pages(GFP_KERNEL, 3); Name a result with 'p = …' and use it as $p ($_ is the last result). 'help FAMILY' lists a family's commands, 'help CMD' shows one command, 'help all' lists every command.",
        ko: "kmemsim: Linux 6.6 메모리 관리자의 API를 이름으로 호출합니다. alloc_pages GFP_KERNEL 3 과 alloc_pages(GFP_KERNEL, 3); 두 형태 모두 됩니다. 결과는 'p = …'로 이름을 붙여 $p로 쓰고, $_는 마지막 결과입니다. 'help 분류'는 한 분류의 명령을, 'help 명령'은 명령 하나를, 'help all'은 모든 명령을 보여 줍니다.")
    static let topics = Message(
        en: "Topics: help gfp (every flag), help arch (the machines), help query (print expressions)",
        ko: "주제: help gfp (모든 플래그), help arch (머신 종류), help query (print 식)")
    static let pipeTopic = Message(
        en: "Pipes, as in a shell: cat /proc/slabinfo | grep kmalloc | head -3 (help pipe)",
        ko: "셸처럼 파이프를 씁니다: cat /proc/slabinfo | grep kmalloc | head -3 (help pipe)")
}
