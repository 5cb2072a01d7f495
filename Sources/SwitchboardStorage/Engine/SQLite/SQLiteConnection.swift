import CSQLite3
import Foundation

/// One SQLite connection, called directly on the thread that uses it: a statement is a function call, not a hop
/// to a thread pool and back, and each distinct statement is prepared once and kept.
///
/// Not thread-safe: the writer or the reader pool lends a connection to one user at a time.
final class SQLiteConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    private var statements: [String: PreparedStatement] = [:]
    private var closed = false

    /// More distinct statements than this and the cache starts over; queries with IN lists of every length would
    /// otherwise grow it without bound.
    static let statementCacheLimit = 512

    /// Opens `path` (or a private in-memory database for `nil`) and applies `pragmas`.
    init(path: String?, pragmas: [String]) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let opened = sqlite3_open_v2(path ?? ":memory:", &handle, flags, nil)
        guard let handle else { throw SQLiteFailure(code: opened, message: "cannot open the database") }
        guard opened == SQLITE_OK else {
            let failure = SQLiteFailure(handle: handle, code: opened)
            sqlite3_close_v2(handle)
            throw failure
        }
        self.handle = handle
        do {
            for pragma in pragmas { try execute(pragma) }
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// Finalizes every statement and closes the connection; idempotent.
    func close() {
        guard !closed else { return }
        closed = true
        for statement in statements.values { sqlite3_finalize(statement.pointer) }
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs `sql` with `binds`, calling `onRow` for each row.
    func run(_ sql: String, binds: [SQLiteValue] = [], onRow: (SQLiteRow) throws -> Void = { _ in }) throws {
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement.pointer)
            sqlite3_clear_bindings(statement.pointer)
        }
        for (offset, value) in binds.enumerated() {
            try check(bind(value, at: Int32(offset + 1), to: statement.pointer))
        }
        var columns: SQLiteColumns?
        while true {
            let stepped = sqlite3_step(statement.pointer)
            if stepped == SQLITE_DONE { return }
            guard stepped == SQLITE_ROW else { throw SQLiteFailure(handle: handle, code: stepped) }
            if columns == nil { columns = statement.columns() }
            try onRow(SQLiteRow(columns: columns!, values: Self.values(of: statement.pointer, count: columns!.names.count)))
        }
    }

    /// Runs statements that take no parameters and return nothing, such as pragmas and transaction control; `sql`
    /// may hold several.
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw SQLiteFailure(code: code, message: text)
        }
    }

    /// Whether the connection is outside any transaction: after a failure, whether SQLite rolled everything back.
    var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    private func prepared(_ sql: String) throws -> PreparedStatement {
        if let statement = statements[sql] { return statement }
        var pointer: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let code = sql.withCString { text in
            let code = sqlite3_prepare_v3(handle, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &pointer, &tail)
            // Text after the first statement would be silently ignored: refuse it instead.
            if code == SQLITE_OK, let tail, String(cString: tail).contains(where: { !$0.isWhitespace && $0 != ";" }) {
                sqlite3_finalize(pointer)
                pointer = nil
                return SQLITE_MISUSE
            }
            return code
        }
        guard code == SQLITE_OK, let pointer else {
            if code == SQLITE_MISUSE { throw SQLiteFailure(code: code, message: "one statement at a time: \(sql)") }
            throw SQLiteFailure(handle: handle, code: code)
        }
        if statements.count >= Self.statementCacheLimit {
            for statement in statements.values { sqlite3_finalize(statement.pointer) }
            statements.removeAll()
        }
        let statement = PreparedStatement(pointer: pointer)
        statements[sql] = statement
        return statement
    }

    private func bind(_ value: SQLiteValue, at index: Int32, to statement: OpaquePointer) -> Int32 {
        switch value {
        case .null: return sqlite3_bind_null(statement, index)
        case .integer(let number): return sqlite3_bind_int64(statement, index, number)
        case .real(let number): return sqlite3_bind_double(statement, index, number)
        case .text(let text): return sqlite3_bind_text(statement, index, text, -1, Self.transient)
        case .blob(let bytes):
            return bytes.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), Self.transient) }
        }
    }

    private static func values(of statement: OpaquePointer, count: Int) -> [SQLiteValue] {
        (0..<Int32(count)).map { column in
            switch sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
            case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
            case SQLITE_TEXT:
                let length = Int(sqlite3_column_bytes(statement, column))
                guard let text = sqlite3_column_text(statement, column) else { return .text("") }
                return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
            case SQLITE_BLOB:
                let length = Int(sqlite3_column_bytes(statement, column))
                guard let bytes = sqlite3_column_blob(statement, column) else { return .blob([]) }
                return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: length)))
            default: return .null
            }
        }
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw SQLiteFailure(handle: handle, code: code) }
    }

    /// SQLite copies the bound text or bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// A statement prepared once and kept with its connection.
final class PreparedStatement {
    let pointer: OpaquePointer
    private var cachedColumns: SQLiteColumns?

    init(pointer: OpaquePointer) { self.pointer = pointer }

    /// The statement's column names; a schema change can alter them, so they are checked against the count.
    func columns() -> SQLiteColumns {
        let count = Int(sqlite3_column_count(pointer))
        if let cachedColumns, cachedColumns.names.count == count { return cachedColumns }
        let columns = SQLiteColumns(names: (0..<Int32(count)).map { String(cString: sqlite3_column_name(pointer, $0)) })
        cachedColumns = columns
        return columns
    }
}

/// An error SQLite reported, with its result code and message.
struct SQLiteFailure: Error, CustomStringConvertible {
    let code: Int32
    let message: String

    init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    init(handle: OpaquePointer, code: Int32) {
        self.init(code: code, message: String(cString: sqlite3_errmsg(handle)))
    }

    var description: String { "SQLite error \(code): \(message)" }
}
