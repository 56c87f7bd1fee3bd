/// Roots that read the shell session rather than the kernel.
enum SessionQueries {
    static let roots: [QueryRoot] = [
        QueryRoot("last", usage: "last", "the last command's value ($_)") { c, _ throws(QueryError) in
            c.variables["_"].map(QueryValue.from) ?? .null
        },
    ]
}
