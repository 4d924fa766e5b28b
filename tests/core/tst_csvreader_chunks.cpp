// SPDX-License-Identifier: GPL-3.0-or-later
// The parser behind CsvReader with tiny chunks and limits: every record, quote, CRLF and
// UTF-8 sequence of the fixture gets cut by a chunk boundary at some chunk size. Expected
// values are written by hand from the fixture.
#include "../common/CsvTestSupport.h"
#include "csv/CsvParser.h"
#include "csv/CsvScan.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace cpm;

class TestCsvReaderChunks : public QObject
{
    Q_OBJECT

private:
    test::TempFiles m_files;

    QString write(const QByteArray &bytes) { return m_files.write(bytes); }

    /** Records as "line:f1|f2"; the result and error go to the out parameters. */
    static QByteArrayList readAll(CsvParser &parser, CsvReader::Result *result, Error *error)
    {
        QByteArrayList records;
        *result = parser.run(CsvDialect(), [&](const CsvRecord &record) {
            records << test::describe(record);
            return true;
        }, error);
        return records;
    }

private slots:
    void findStopAtEveryOffset()
    {
        // A stop byte at each position of a 20-byte run, so both the 8-byte and the byte loop
        // find it; a byte >= 0x80 before it must be reported, one after it must not.
        for (const char stop : {';', '\n', '\0'}) {
            for (int at = 0; at < 20; ++at) {
                QByteArray bytes(20, 'a');
                bytes[at] = stop;
                unsigned char seen = 0;
                QCOMPARE(csvscan::findStop(bytes.constData(), bytes.constData() + 20, ';', &seen) - bytes.constData(), at);
                QCOMPARE(seen, 0);
                if (at > 0) {
                    bytes[at - 1] = '\xE9';
                    QCOMPARE(csvscan::findStop(bytes.constData(), bytes.constData() + 20, ';', &seen) - bytes.constData(), at);
                    QCOMPARE(seen, 0x80);
                }
            }
        }
        const QByteArray plain = "abc,def\xC3\xA9ghijklmnopqrs"; // comma is not the delimiter here
        unsigned char seen = 0;
        QCOMPARE(csvscan::findStop(plain.constData(), plain.constData() + plain.size(), ';', &seen) - plain.constData(),
                 plain.size());
        QCOMPARE(seen, 0x80);
    }

    void unescapeQuoted()
    {
        char out[32];
        const auto unescaped = [&](QByteArrayView field) {
            return QByteArray(out, csvscan::unescapeQuoted(field, out) - out);
        };
        QCOMPARE(unescaped("\"\""), QByteArray(""));
        QCOMPARE(unescaped("\"a,b\""), QByteArray("a,b"));
        QCOMPARE(unescaped("\"\"\"x\"\"\""), QByteArray("\"x\""));
        QCOMPARE(unescaped("\"ab\"cd\"e"), QByteArray("abcd\"e")); // text after the closing quote is kept
    }

    void everyChunkSize()
    {
        const QByteArray content = "\xEF\xBB\xBFid,name,note\r\n"
                                   "1,\"a,b\",\"x\"\"y\"\r\n"
                                   "\r\n"
                                   "2,,\"multi\r\nline \"\"q\"\"\"\r\n"
                                   "3,caf\xE9,\xC3\xA9t\xC3\xA9\n"
                                   "4,\"\",end";
        const QByteArrayList expected = {
            "1:id|name|note",
            "2:1|a,b|x\"y",
            "4:2||multi\r\nline \"q\"",
            "6:3|caf\xC3\xA9|\xC3\xA9t\xC3\xA9",
            "7:4||end",
        };
        const QString path = write(content);
        for (int chunk = 1; chunk <= content.size() + 1; ++chunk) {
            CsvParser parser(path, chunk);
            Error error;
            QVERIFY(parser.open(&error));
            CsvReader::Result result;
            QCOMPARE(readAll(parser, &result, &error), expected);
            QCOMPARE(result, CsvReader::Result::Ok);
            QCOMPARE(parser.transcodedFields(), 1);
            QCOMPARE(parser.bytesRead(), content.size());
        }
    }

    void recordAtTheLimitIsRead_data()
    {
        QTest::addColumn<int>("chunk");
        QTest::newRow("whole record in one chunk") << 1024;
        QTest::newRow("record spread over chunks") << 3;
    }

    void recordAtTheLimitIsRead()
    {
        QFETCH(int, chunk);
        // "1,0123456789abcd" is 16 bytes; the CRLF does not count.
        CsvParser parser(write("a,b\r\n1,0123456789abcd\r\n"), chunk, 16);
        Error error;
        QVERIFY(parser.open(&error));
        CsvReader::Result result;
        QCOMPARE(readAll(parser, &result, &error), (QByteArrayList{"1:a|b", "2:1|0123456789abcd"}));
        QCOMPARE(result, CsvReader::Result::Ok);
    }

    void recordOverTheLimit_data()
    {
        QTest::addColumn<int>("chunk");
        QTest::addColumn<int>("column");
        QTest::newRow("whole record in one chunk") << 1024 << 0; // seen complete: no column
        QTest::newRow("record spread over chunks") << 3 << 2;    // seen while reading field 2
    }

    void recordOverTheLimit()
    {
        QFETCH(int, chunk);
        QFETCH(int, column);
        // "1,0123456789abcdefghij" is 22 bytes.
        const QString path = write("a,b\n1,0123456789abcdefghij\n2,x\n");
        CsvParser parser(path, chunk, 16);
        Error error;
        QVERIFY(parser.open(&error));
        CsvReader::Result result;
        QCOMPARE(readAll(parser, &result, &error), QByteArrayList{"1:a|b"});
        QCOMPARE(result, CsvReader::Result::Error);
        QCOMPARE(error.code, Error::Code::Csv);
        QCOMPARE(error.file, path);
        QCOMPARE(error.line, 2);
        QCOMPARE(error.column, column);
        QCOMPARE(error.message, QStringLiteral("record is longer than 16 bytes"));
        QCOMPARE(error.expected, QStringLiteral("a line end within 16 bytes"));
    }

    void openQuoteStopsAtTheLimit()
    {
        // The quote opened on line 3 is never closed: the reader must give up after the limit
        // instead of buffering the rest of the file.
        QByteArray content = "a,b\n1,2\n3,\"x\n";
        for (int i = 0; i < 100; ++i)
            content += "4,y\n";
        CsvParser parser(write(content), 8, 32);
        Error error;
        QVERIFY(parser.open(&error));
        CsvReader::Result result;
        QCOMPARE(readAll(parser, &result, &error), (QByteArrayList{"1:a|b", "2:1|2"}));
        QCOMPARE(result, CsvReader::Result::Error);
        QCOMPARE(error.line, 3);
        QCOMPARE(error.column, 2);
        QCOMPARE(error.expected, QStringLiteral("a closing quote for the field opened on line 3"));
        QVERIFY(parser.bytesRead() < 64);
    }

    void unterminatedQuoteAcrossChunks()
    {
        CsvParser parser(write("a,b\n1,\"x\ny\"\n2,\"never\nclosed"), 2);
        Error error;
        QVERIFY(parser.open(&error));
        CsvReader::Result result;
        QCOMPARE(readAll(parser, &result, &error), (QByteArrayList{"1:a|b", "2:1|x\ny"}));
        QCOMPARE(result, CsvReader::Result::Error);
        QCOMPARE(error.line, 4);
        QCOMPARE(error.column, 2);
        QCOMPARE(error.value, QStringLiteral("never"));
    }

    void unusableDelimiterIsRejected()
    {
        CsvParser parser(write("a,b\n"));
        Error error;
        QVERIFY(parser.open(&error));
        CsvDialect dialect;
        dialect.delimiter = '"';
        QCOMPARE(parser.run(dialect, [](const CsvRecord &) { return true; }, &error), CsvReader::Result::Error);
        QCOMPARE(error.code, Error::Code::Usage);
    }
};

QTEST_GUILESS_MAIN(TestCsvReaderChunks)
#include "tst_csvreader_chunks.moc"
