// SPDX-License-Identifier: GPL-3.0-or-later
// The snapshot's string interning table: dense indices in order of first appearance, the same
// index on every later sight, keys kept byte for byte through many growths.
#include "columnar/StringIndex.h"

#include <QTest>

#include <string>

using cpm::columnar::detail::StringIndex;

class TestStringIndex : public QObject
{
    Q_OBJECT

private slots:
    void indicesInOrderOfFirstSight()
    {
        StringIndex index;
        bool added = false;
        QCOMPARE(index.intern("tea", &added), 0);
        QVERIFY(added);
        QCOMPARE(index.intern("coffee", &added), 1);
        QVERIFY(added);
        QCOMPARE(index.intern("tea", &added), 0);
        QVERIFY(!added);
        QCOMPARE(index.intern("", &added), 2); // an empty name is a key like any other
        QVERIFY(added);
        QCOMPARE(index.intern(std::string_view("a\0b", 3)), 3); // bytes, not C strings
        QCOMPARE(index.intern(std::string_view("a\0c", 3)), 4);
        QCOMPARE(index.size(), std::size_t(5));
        QCOMPARE(index.key(1), std::string_view("coffee"));
        QCOMPARE(index.key(2), std::string_view());
        QCOMPARE(index.key(4), std::string_view("a\0c", 3));
    }

    void manyKeysSurviveGrowth()
    {
        // 200,000 keys: the table grows from 1,024 slots through eight doublings.
        StringIndex index;
        const auto keyOf = [](int i) { return "product \"" + std::to_string(i * 7919 % 1000003) + "\", 250 g"; };
        for (int i = 0; i < 200000; ++i)
            QCOMPARE(index.intern(keyOf(i)), i);
        QCOMPARE(index.size(), std::size_t(200000));
        for (int i = 199999; i >= 0; i -= 7) {
            bool added = true;
            QCOMPARE(index.intern(keyOf(i), &added), i);
            QVERIFY(!added);
            QCOMPARE(index.key(i), std::string_view(keyOf(i)));
        }
    }
};

QTEST_APPLESS_MAIN(TestStringIndex)
#include "tst_string_index.moc"
