/// `help query`, generated from the registry: every root, type, field and function.
enum QueryHelp {
    static func render() -> String {
        var t = """
        The query language: what 'print EXPR' (or '? EXPR') shows is what lessons check.
          values     42  0x1000  4K 2M 1G  "Normal"  true false  NULL  $p (a variable)  [list items with x[i]]
          operators  + - * / %  << >>  & ^ |  ~  == != < <= > >=  in  and or not (&& || !)  ( )
          access     root.field  root.method(ARG)  list[i]  (negative i counts from the end)
          examples   ? zone("Normal").free[3]    ? page($p).order    ? meminfo.MemFree * 1024
                     ? count(zones)              ? log2(kernel.page_size)    ? zone("DMA32").free_by_type("Movable")[9]

        Roots:

        """
        for r in QueryRegistry.roots { t += "  " + Format.left(r.usage, 14) + " " + r.summary + "\n" }
        for type in QueryRegistry.types {
            t += "\n\(type.name): \(type.summary)\n"
            for f in type.fields {
                t += "  ." + Format.left(f.name + (f.usage ?? ""), 18) + " " + f.summary + "\n"
                if let ix = f.indexSummary { t += "   " + Format.left("", 18) + " " + ix + "\n" }
            }
            if let d = type.dynamic { t += "  " + d.summary + "\n" }
        }
        t += "\nFunctions:\n"
        for f in QueryRegistry.functions { t += "  " + Format.left(f.usage, 26) + " " + f.summary + "\n" }
        return t
    }
}
