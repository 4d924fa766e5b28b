// SPDX-License-Identifier: GPL-3.0-or-later
// CsvReader through its public API. Records are compared as "line:field|field|..." strings;
// every expected value below is written by hand from the fixture next to it.
#include "../common/CsvTestSupport.h"
#include "csv/CsvReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace cpm;

class TestCsvReader : public QObject
{
    Q_OBJECT

private:
    test::TempFiles m_files;

    QString write(const QByteArray &bytes) { return m_files.write(bytes); }

    /** Reads @p reader to the end; records as "line:f1|f2". */
    static QByteArrayList readAll(CsvReader &reader, CsvReader::Result *result = nullptr)
    {
        QByteArrayList records;
        const CsvReader::Result status = reader.read([&](const CsvRecord &record) {
            records << test::describe(record);
            return true;
        });
        if (result)
            *result = status;
        return records;
    }

    QByteArrayList parse(const QByteArray &content)
    {
        CsvReader reader(write(content));
        if (!reader.open())
            return {"open failed: " + reader.error().toString().toUtf8()};
        CsvReader::Result result;
        QByteArrayList records = readAll(reader, &result);
        if (result != CsvReader::Result::Ok)
            records << "error: " + reader.error().toString().toUtf8();
        return records;
    }

private slots:
    void quotedDelimitersAndQuotes()
    {
        QCOMPARE(parse("id,text,n\n1,\"a,b\",x\n2,\"say \"\"hi\"\"\",y\n3,\"\",\n"),
                 (QByteArrayList{"1:id|text|n", "2:1|a,b|x", "3:2|say \"hi\"|y", "4:3||"}));
    }

    void newlinesInQuotesKeepLineNumbers()
    {
        QCOMPARE(parse("id,note\n1,\"x\ny\"\n2,\"p\r\nq\"\n3,z\n"),
                 (QByteArrayList{"1:id|note", "2:1|x\ny", "4:2|p\r\nq", "6:3|z"}));
        QCOMPARE(parse("h\n\"a\n\nb\"\nc\n"), (QByteArrayList{"1:h", "2:a\n\nb", "5:c"}));
    }

    void crlfAndLf()
    {
        CsvReader crlf(write("a,b\r\n1,2\r\n3,\r\n"));
        QVERIFY(crlf.open());
        QVERIFY(crlf.dialect().crlf);
        QCOMPARE(readAll(crlf), (QByteArrayList{"1:a|b", "2:1|2", "3:3|"}));

        CsvReader lf(write("a,b\n1,2\n3,\n"));
        QVERIFY(lf.open());
        QVERIFY(!lf.dialect().crlf);
        QCOMPARE(readAll(lf), (QByteArrayList{"1:a|b", "2:1|2", "3:3|"}));
    }

    void bomIsStripped()
    {
        CsvReader reader(write("\xEF\xBB\xBFid;name\n1;x\n"));
        QVERIFY(reader.open());
        QCOMPARE(reader.dialect().encoding, TextEncoding::Utf8Bom);
        QCOMPARE(reader.dialect().delimiter, ';');
        QByteArray raw;
        reader.read([&](const CsvRecord &record) {
            if (raw.isEmpty())
                raw = record.raw().toByteArray();
            return true;
        });
        QCOMPARE(raw, QByteArray("id;name"));
        QCOMPARE(parse("\xEF\xBB\xBFid;name\n1;x\n"), (QByteArrayList{"1:id|name", "2:1|x"}));
    }

    void lastLineWithoutNewline()
    {
        QCOMPARE(parse("a,b\n1,\"2\""), (QByteArrayList{"1:a|b", "2:1|2"}));
        QCOMPARE(parse("a,b\r\n1,"), (QByteArrayList{"1:a|b", "2:1|"}));
        QCOMPARE(parse("a,b\r\n1,2\r"), (QByteArrayList{"1:a|b", "2:1|2"}));
    }

    void blankLinesAreSkipped()
    {
        QCOMPARE(parse("a,b\n\n1,2\n\r\n\n3,4\n\n\n"), (QByteArrayList{"1:a|b", "3:1|2", "6:3|4"}));
        QCOMPARE(parse(""), QByteArrayList());
    }

    void emptyFields()
    {
        QCOMPARE(parse("a,,c\n,,\n\"\"\n"), (QByteArrayList{"1:a||c", "2:||", "3:"}));
        CsvReader reader(write(",,\n\"\"\n"));
        QVERIFY(reader.open());
        QList<int> sizes;
        reader.read([&](const CsvRecord &record) { return sizes << record.size(), true; });
        QCOMPARE(sizes, (QList<int>{3, 1}));
    }

    void semicolonDetected()
    {
        CsvReader reader(write("id;name;amount\n1;x;3,50\n2;y;4,00\n"));
        QVERIFY(reader.open());
        QCOMPARE(reader.dialect().delimiter, ';');
        QCOMPARE(readAll(reader), (QByteArrayList{"1:id|name|amount", "2:1|x|3,50", "3:2|y|4,00"}));
    }

    void tabDetected()
    {
        CsvReader reader(write("id\tname\n1\ta,b;c\n"));
        QVERIFY(reader.open());
        QCOMPARE(reader.dialect().delimiter, '\t');
        QCOMPARE(readAll(reader), (QByteArrayList{"1:id|name", "2:1|a,b;c"}));
    }

    void mostConsistentDelimiterWins()
    {
        // Header: one ';' and one ','. Only ';' keeps its count in the rows.
        CsvReader reader(write("code;name,alias\n1;x,y\n2;x\n3;p\n"));
        QVERIFY(reader.open());
        QCOMPARE(reader.dialect().delimiter, ';');
    }

    void setDelimiterOverrides()
    {
        // A tie on every line: comma is preferred, the caller knows better.
        CsvReader reader(write("a;b,c\n1;2,3\n"));
        QVERIFY(reader.open());
        QCOMPARE(reader.dialect().delimiter, ',');
        reader.setDelimiter(';');
        QCOMPARE(readAll(reader), (QByteArrayList{"1:a|b,c", "2:1|2,3"}));
    }

    void windows1252Fallback()
    {
        CsvReader reader(write("name,price\ncaf\xE9,\x80 5\n"));
        QVERIFY(reader.open());
        QCOMPARE(reader.dialect().encoding, TextEncoding::Windows1252);
        QCOMPARE(readAll(reader), (QByteArrayList{"1:name|price", "2:caf\xC3\xA9|\xE2\x82\xAC 5"}));
        QCOMPARE(reader.transcodedFields(), 2);
    }

    void invalidUtf8AfterTheSample()
    {
        // 80 KiB of ASCII: the sniffer (64 KiB) sees UTF-8, then one field is Windows-1252.
        QByteArray content = "id,a,b\n";
        const QByteArray row = "1,abcdefghijklmnopqrstuvwxyz,0123456789\n"; // 40 bytes
        for (int i = 0; i < 2048; ++i)
            content += row;
        content += "2,caf\xE9,\xC3\xA9t\xC3\xA9\n";
        CsvReader reader(write(content));
        QVERIFY(reader.open());
        QCOMPARE(reader.dialect().encoding, TextEncoding::Utf8);
        QByteArray last;
        reader.read([&](const CsvRecord &record) {
            for (int i = 0; i < record.size(); ++i)
                if (!record.field(i).isValidUtf8())
                    return false;
            last = test::describe(record);
            return true;
        });
        QCOMPARE(last, QByteArray("2050:2|caf\xC3\xA9|\xC3\xA9t\xC3\xA9"));
        QCOMPARE(reader.transcodedFields(), 1);
    }

    void unterminatedQuoteReportsWhereItStarted()
    {
        const QString path = write("a,b\n1,\"x\ny\"\n2,\"oops\nmore\n");
        CsvReader reader(path);
        QVERIFY(reader.open());
        CsvReader::Result result;
        QCOMPARE(readAll(reader, &result), (QByteArrayList{"1:a|b", "2:1|x\ny"}));
        QCOMPARE(result, CsvReader::Result::Error);
        const Error &error = reader.error();
        QCOMPARE(error.code, Error::Code::Csv);
        QCOMPARE(error.file, path);
        QCOMPARE(error.line, 4);
        QCOMPARE(error.column, 2);
        QCOMPARE(error.value, QStringLiteral("oops"));
        QVERIFY(error.toString().contains(QStringLiteral("closing quote")));
    }

    void recordOverTheDefaultLimit()
    {
        const qint64 limit = CsvReader::maxRecordBytes();
        QByteArray content = "a,b\n1,2\n3,\"";
        content += QByteArray(limit + 10, 'x');
        content += "\"\n4,5\n";
        CsvReader reader(write(content));
        QVERIFY(reader.open());
        CsvReader::Result result;
        QCOMPARE(readAll(reader, &result), (QByteArrayList{"1:a|b", "2:1|2"}));
        QCOMPARE(result, CsvReader::Result::Error);
        QCOMPARE(reader.error().code, Error::Code::Csv);
        QCOMPARE(reader.error().line, 3);
        QVERIFY(reader.error().message.contains(QStringLiteral("16 MiB")));
    }

    void nulByteIsAnError()
    {
        CsvReader reader(write(QByteArray("a,b\n1,x\0y\n", 10)));
        QVERIFY(reader.open());
        CsvReader::Result result;
        readAll(reader, &result);
        QCOMPARE(result, CsvReader::Result::Error);
        QCOMPARE(reader.error().line, 2);
        QCOMPARE(reader.error().column, 2);
    }

    void strayQuotesAreKept()
    {
        QCOMPARE(parse("a,b,c\n1,5\" screen,x\n2,\"ab\"cd,y\n3, \"q\",z\n4,\"q\"\rx,\"e\"\r\n"),
                 (QByteArrayList{"1:a|b|c", "2:1|5\" screen|x", "3:2|abcd|y", "4:3| \"q\"|z", "5:4|q\rx|e"}));
    }

    void rawIsTheOriginalText()
    {
        CsvReader reader(write("a,b\r\n1,\"x,\"\"y\"\r\n"));
        QVERIFY(reader.open());
        QByteArrayList raws;
        reader.read([&](const CsvRecord &record) { return raws << record.raw().toByteArray(), true; });
        QCOMPARE(raws, (QByteArrayList{"a,b", "1,\"x,\"\"y\""}));
    }

    void stopAndProgress()
    {
        const QByteArray content = "a,b\n1,2\n3,4\n";
        CsvReader reader(write(content));
        QVERIFY(reader.open());
        QCOMPARE(reader.fileSize(), content.size());
        int seen = 0;
        qint64 progress = 0;
        const auto result = reader.read([&](const CsvRecord &) {
            progress = reader.bytesRead();
            return ++seen < 2;
        });
        QCOMPARE(result, CsvReader::Result::Stopped);
        QCOMPARE(progress, 8); // "a,b\n1,2\n"
        QCOMPARE(readAll(reader).size(), 3); // read() starts over
        QCOMPARE(reader.bytesRead(), content.size());
    }

    void quotedFieldAcrossChunkBoundary()
    {
        // Filler rows up to exactly 20 bytes short of 1 MiB (the chunk size), so the next
        // record's quoted field (with escaped quotes, a delimiter and a CRLF) straddles it.
        constexpr int chunk = 1024 * 1024;
        QByteArray content = "id,text\n";
        const QByteArray row = "7,abcdefghijklmnopqrstuvwxyz012\n"; // 32 bytes
        int fillers = 0;
        for (; content.size() + 2 * row.size() <= chunk - 20; ++fillers)
            content += row;
        content += "7," + QByteArray(chunk - 20 - content.size() - 3, 'p') + '\n';
        ++fillers;
        QCOMPARE(content.size(), chunk - 20);
        content += "8,\"He said \"\"hi\"\", then,\r\nleft \"\"quickly\"\"\"\n9,end\n";
        QVERIFY(content.size() > chunk);
        for (; content.size() < chunk * 3 / 2; ++fillers)
            content += row;
        content += "10,last";
        CsvReader reader(write(content));
        QVERIFY(reader.open());
        QByteArrayList others;
        int seenFillers = 0;
        reader.read([&](const CsvRecord &record) {
            if (record.field(0) == "7")
                ++seenFillers;
            else
                others << test::describe(record);
            return true;
        });
        QCOMPARE(reader.error().code, Error::Code::None);
        QCOMPARE(seenFillers, fillers);
        // Header on line 1, then 32767 filler rows: record "8" starts on line 32769.
        QCOMPARE(others.mid(0, 3), (QByteArrayList{"1:id|text", "32769:8|He said \"hi\", then,\r\nleft \"quickly\"",
                                                   "32771:9|end"}));
        // Lines: header, fillers, 2 for record "8", 1 for "9": "10" is on fillers + 5.
        QCOMPARE(others.last(), QByteArray::number(fillers + 5) + ":10|last");
        QCOMPARE(reader.bytesRead(), content.size());
    }

    void errorsForMissingAndUtf16Files()
    {
        const QString missing = m_files.filePath(QStringLiteral("missing.csv"));
        CsvReader reader(missing);
        QVERIFY(!reader.open());
        QCOMPARE(reader.error().code, Error::Code::FileOpen);
        QCOMPARE(reader.error().file, missing);

        CsvReader utf16(write(QByteArray("\xFF\xFEi\0d\0", 6)));
        QVERIFY(!utf16.open());
        QCOMPARE(utf16.error().code, Error::Code::Csv);
    }

    void describeDialect()
    {
        CsvDialect dialect;
        QCOMPARE(dialect.describe(), QStringLiteral("comma, UTF-8, LF"));
        dialect = {';', TextEncoding::Utf8Bom, true};
        QCOMPARE(dialect.describe(), QStringLiteral("semicolon, UTF-8 with BOM, CRLF"));
        dialect = {'\t', TextEncoding::Windows1252, false};
        QCOMPARE(dialect.describe(), QStringLiteral("tab, Windows-1252, LF"));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
