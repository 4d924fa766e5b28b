// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

namespace cpm::cli {

/** One `cpm-cli` verb: declares its options, then runs with them. */
class Command
{
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    /** One line for `cpm-cli --help`. */
    virtual QString summary() const = 0;
    /** Adds the verb's options and positional arguments. */
    virtual void addOptions(QCommandLineParser &parser) const = 0;
    /**
     * Runs the verb. Returns the process exit code: 0 on success, otherwise non-zero after
     * writing exactly one line saying why to @p err.
     */
    virtual int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) = 0;
};

} // namespace cpm::cli
