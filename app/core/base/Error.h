// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace cpm {

/** A precise, user-facing description of what went wrong and where. */
struct Error
{
    enum class Code {
        None,
        FileOpen,        ///< the file could not be opened or read
        Csv,             ///< malformed CSV (unterminated quote, NUL byte, ...)
        Header,          ///< header missing, unknown, or lacking a required column
        Value,           ///< a field whose value is not what was expected
        Database,        ///< SQLite reported an error
        Sql,             ///< a transform model or metric query failed
        Cancelled,       ///< the user or caller cancelled
        Usage,           ///< bad arguments or options
        FileWrite,       ///< an output file could not be written or moved into place
        Rejected,        ///< a file loads nothing or too little: refused as a whole (see RejectPolicy)
    };

    Code code = Code::None;
    QString file;        ///< file the problem is in (path as given), may be empty
    qint64 line = 0;     ///< 1-based physical line, 0 when not applicable
    int column = 0;      ///< 1-based column (field) number, 0 when not applicable
    QString columnName;  ///< header name of that column, if known
    QString value;       ///< the offending value (shortened for display)
    QString expected;    ///< what was expected instead
    QString message;     ///< the short reason

    bool isError() const { return code != Code::None; }
    explicit operator bool() const { return isError(); }

    /** One line: "file:line:column (name): message: 'value' (expected ...)". */
    QString toString() const;

    static Error make(Code code, const QString &message) { Error e; e.code = code; e.message = message; return e; }
};

} // namespace cpm
