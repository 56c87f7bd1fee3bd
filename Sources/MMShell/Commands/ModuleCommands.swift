import KernelMM

/// Kernel C's commands: modules (insmod/rmmod/lsmod) and type layouts (ptype). C statements themselves need no
/// command: the shell runs any line that is C (see `CInput`).
enum ModuleCommands {
    static let all: [CommandSpec] = [
        CommandSpec("insmod", family: .kernelC, arguments: [.init("file", .path)],
                    summary: "load a module written in C: globals, helper functions, module_init/module_exit; runs its init",
                    details: "#include lines are accepted and ignored, #define NAME VALUE works, MODULE_LICENSE is read (without one the kernel is tainted). The init function runs in the insmod task's process context and calls the simulated kernel as C typed at the prompt does; a nonzero return fails the load. 'rmmod NAME' runs the exit function and reports what the module's code left allocated.",
                    c: "int init_module(void *module_image, unsigned long len, const char *param_values);", header: "kernel/module/main.c",
                    contexts: "process context", examples: ["insmod dog.c", "lsmod", "rmmod dog"], mutates: true) { s, a throws(CommandError) in
            try s.insmod(try a.string(0))
        },
        CommandSpec("rmmod", family: .kernelC, arguments: [.init("module", .name)],
                    summary: "unload a module: run its exit function, then report what it leaked (kmemleak's unreferenced objects)",
                    details: "Everything the module's code allocated (pages, slab objects, vmalloc areas, per-CPU allocations) and did not free is listed with the call and the line that allocated it. kmemleak reports slab, vmalloc and per-CPU objects; it does not track the page allocator, which kmemsim says where it applies.",
                    c: "long delete_module(const char *name_user, unsigned int flags);", header: "kernel/module/main.c",
                    contexts: "process context", examples: ["rmmod dog"], mutates: true) { s, a throws(CommandError) in
            try s.rmmod(try a.string(0))
        },
        CommandSpec("lsmod", family: .kernelC, summary: "loaded modules (Size is the bytes of the C source: kmemsim has no object code)",
                    examples: ["lsmod"]) { s, _ throws(CommandError) in
            CommandOutput(text: s.lsmod())
        },
        CommandSpec("ptype", family: .kernelC, arguments: [.init("type", .text)],
                    summary: "a type's size and, for a struct, its layout with holes and padding (pahole style)",
                    details: "Laid out for this machine's architecture: LP64 on x86_64 and sparc64, ILP32 on i386 (where long long is 4-byte aligned inside structs). Kernel structs that kmemsim's boot caches stand for (task_struct, inode, dentry, mm_struct …) are known by their cache's object size.",
                    examples: ["struct dog { unsigned long weight; char name[20]; struct list_head list; };", "ptype struct dog", "ptype struct list_head", "ptype unsigned long"]) { s, a throws(CommandError) in
            try s.ptype(a.rest)
        },
    ]
}
