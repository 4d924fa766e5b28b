// SPDX-License-Identifier: GPL-3.0-or-later
#include "generate/SyntheticCatalog.h"

#include <QSet>

#include <iterator>

namespace cpm::gen {

namespace {

template <typename T, std::size_t N>
const char *pick(T (&words)[N], Prng &prng)
{
    return words[prng.below(N)];
}

const char *const nameWords[] = {
    "Amber", "Birch", "Cobalt", "Dune", "Ember", "Fable", "Granite", "Harbor", "Indigo", "Juniper",
    "Kestrel", "Lumen", "Maple", "Nimbus", "Orchid", "Pebble", "Quartz", "Rowan", "Saffron", "Tidal",
    "Umber", "Velvet", "Willow", "Yarrow", "Zephyr", "Alder", "Brook", "Cedar", "Delta", "Fern",
};
// Some suffixes carry a comma on purpose: real store names need RFC 4180 quoting too.
const char *const nameSuffixes[] = {
    "Ltd", "LLC", "PC", "Inc.", "Associates", "Corp.", "Company", "Foundation", "Group",
    "Industries", "& Sons", ", Inc.", ", Ltd", "Trading", "Consulting",
};
const char *const streetWords[] = {
    "Orchard", "Lantern", "Meadow", "Copper", "Heron", "Station", "Mill", "Quarry", "Bridge",
    "Chapel", "Garden", "Forge", "Harvest", "Beacon", "Summit", "Lake", "Market", "Tower",
};
const char *const streetTypes[] = {"St.", "Street", "Avenue", "Ave", "Rd.", "Road", "Lane", "Blvd", "Way", "Square"};
// Invented places; several with accents so importers meet multi-byte UTF-8.
const char *const cities[] = {
    "Port Aurel", "Valbrisa", "Santa Lúcia do Norte", "Kerrowdale", "Mirenfeld", "Osterhavn",
    "Bellécourt", "San Teodoro Alto", "Nové Pole", "Lindqvara", "Tarrascón", "Eskerby",
    "Châteaumoulin", "Rivabella", "Grünwiesen", "Dunmorrow", "Aldersgate", "Łąkowo Małe",
    "Vila Serena", "Cape Halloway", "Montferrine", "Yarrowby", "Zelenograd-Mały", "Puerto Ámbar",
};
const char *const countries[] = {
    "Belgium", "France", "Germany", "Netherlands", "Spain", "Portugal", "Italy", "Poland",
    "Brazil", "Mexico", "Canada", "India", "Nigeria", "Kenya", "Costa Rica", "Australia",
};
const char *const typologies[] = {
    "Florist", "Restaurant", "Hotel", "Bakery", "Press", "Beauty", "FoodTruck", "Service", "Other",
};

struct Category
{
    const char *name;
    const char *nouns[8];
    int basePrice;
};
// Nouns with commas or quotes are deliberate: product fields need quoting in real extracts.
const Category categories[] = {
    {"Coffee & Tea", {"Espresso", "Latte", "Chai", "Flat White", "Mocha", "Green Tea", "Cold Brew", "Cortado"}, 4},
    {"Bakery", {"Croissant", "Baguette", "Sourdough", "Bagel", "Muffin", "Brioche", "Scone", "Bread, rye"}, 5},
    {"Flowers", {"Bouquet", "Tulips, mixed", "Roses", "Orchid", "Sunflowers", "Peonies", "Wreath", "Lilies"}, 35},
    {"Press", {"Daily News", "Magazine", "Comic", "Crossword Book", "Gazette", "Weekly", "Almanac", "Atlas"}, 6},
    {"Beauty", {"Shampoo", "Lipstick", "Face Cream", "Nail Polish", "Perfume", "Hair Mask", "Serum", "Soap"}, 25},
    {"Snacks, sweet", {"Brownie", "Cookie", "Donut", "Macaron", "Waffle", "Fudge", "Candy Bar", "Tart"}, 3},
    {"Meals", {"Burger", "Taco", "Noodle Box", "Salad Bowl", "Wrap", "Pizza Slice", "Curry", "Burrito"}, 12},
    {"Drinks", {"Lemonade", "Smoothie", "Iced Tea", "Cola", "Sparkling Water", "Juice", "Kombucha", "Mug \"Classic\""}, 4},
    {"Rooms", {"Single Room", "Double Room", "Suite", "Breakfast", "Late Checkout", "Parking", "Spa Access", "Minibar"}, 140},
    {"Services", {"Haircut", "Manicure", "Massage", "Repair", "Delivery", "Gift Wrap", "Engraving", "Cleaning"}, 30},
};
const char *const adjectives[] = {
    "Classic", "Golden", "Fresh", "Royal", "Tiny", "Grand", "Rustic", "Urban", "Wild", "Silver",
    "Morning", "Spiced", "Velvet", "Sunny", "Northern", "Double", "Organic", "Midnight", "Lucky", "Prime",
};

/** EAN-13 check digit: weights 1,3,1,3... over the first 12 digits. */
char eanCheckDigit(const QByteArray &twelveDigits)
{
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += (twelveDigits.at(i) - '0') * (i % 2 == 0 ? 1 : 3);
    return static_cast<char>('0' + (10 - sum % 10) % 10);
}

/** Codes in the GS1 200-299 range, which is reserved for in-store use: never a real product. */
QByteArray makeSku(int index)
{
    QByteArray code("2047310");
    code += QByteArray::number(10000 + index * 37 % 90000).rightJustified(5, '0');
    code += eanCheckDigit(code);
    return code;
}

QByteArray makeProductName(const Category &category, Prng &prng)
{
    QByteArray name(pick(adjectives, prng));
    name += ' ';
    name += category.nouns[prng.below(std::size(category.nouns))];
    return name;
}

void appendAddress(QByteArray &out, Prng &prng)
{
    QByteArray address;
    const int form = static_cast<int>(prng.below(10));
    if (form < 3) {   // the "Ap #124-1954 Name St." shape of the source system
        address += "Ap #" + QByteArray::number(prng.range(100, 999)) + '-' + QByteArray::number(prng.range(1000, 9999)) + ' ';
    } else if (form < 5) {
        address += "P.O. Box " + QByteArray::number(prng.range(100, 999)) + ", ";
    } else {
        address += QByteArray::number(prng.range(1, 9999)) + ' ';
    }
    address += QByteArray(pick(streetWords, prng)) + ' ' + pick(streetTypes, prng);
    if (form == 9)
        address += ", Suite " + QByteArray::number(prng.range(1, 40));
    appendField(out, address);
}

} // namespace

std::vector<Product> makeProducts(int count, Prng &prng)
{
    std::vector<Product> products;
    products.reserve(static_cast<std::size_t>(count));
    QSet<QByteArray> seen;
    for (int i = 0; i < count; ++i) {
        const Category &category = categories[prng.below(std::size(categories))];
        QByteArray name = makeProductName(category, prng);
        // The vocabulary has 1,600 combinations; past that, numbering keeps names unique.
        for (int attempt = 0; seen.contains(name) && attempt < 20; ++attempt)
            name = makeProductName(category, prng);
        if (seen.contains(name))
            name += ' ' + QByteArray::number(i + 1);
        seen.insert(name);
        Product product;
        product.name = csvField(name);
        product.sku = makeSku(i);
        product.prefixedSku = 'v' + product.sku;
        product.category = csvField(category.name);
        product.price = static_cast<int>(category.basePrice * (0.6 + prng.uniform() * 1.4)) + 1;
        products.push_back(std::move(product));
    }
    return products;
}

std::vector<Product> makeWideProducts(int count, Prng &prng)
{
    static const char *const sizes[] = {"250 g", "1 kg", "6-pack", "XL", "0.5 l", "family size", "set of 3", "refill"};
    std::vector<Product> products;
    products.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const Category &category = categories[prng.below(std::size(categories))];
        // The index in the name keeps every name distinct however many are asked for.
        QByteArray name(pick(adjectives, prng));
        name += ' ';
        name += makeProductName(category, prng);
        if (prng.chance(0.6))
            name += QByteArray(", ") + pick(sizes, prng);
        if (prng.chance(0.4))
            name += " \"Lot " + QByteArray::number(i + 1) + '"';
        else
            name += " #" + QByteArray::number(i + 1);
        // A multiplier coprime with 10 permutes 0..10^10-1, so SKUs never collide.
        const quint64 permuted = (static_cast<quint64>(i) * 7919u + 104729u) % 10000000000ull;
        QByteArray code = "20" + QByteArray::number(permuted).rightJustified(10, '0');
        code += eanCheckDigit(code);
        Product product;
        product.name = csvField(name);
        product.sku = code;
        product.prefixedSku = 'v' + code;
        product.category = csvField(category.name);
        product.price = static_cast<int>(category.basePrice * (0.6 + prng.uniform() * 1.4)) + 1;
        products.push_back(std::move(product));
    }
    return products;
}

void appendStoreFields(QByteArray &out, qint64 createdAt, int customerCount, Prng &prng)
{
    // Two different words: "Nimbus Nimbus Ltd" reads like a bug in the generator.
    const std::size_t first = prng.below(std::size(nameWords));
    const std::size_t second = (first + 1 + prng.below(std::size(nameWords) - 1)) % std::size(nameWords);
    QByteArray name(nameWords[first]);
    name += ' ';
    name += nameWords[second];
    const char *suffix = pick(nameSuffixes, prng);
    if (*suffix != ',')
        name += ' ';
    name += suffix;
    appendField(out, name);
    out += ',';
    appendAddress(out, prng);
    out += ',';
    appendField(out, pick(cities, prng));
    out += ',';
    appendField(out, pick(countries, prng));
    out += ',';
    appendTimestamp(out, createdAt);
    out += ',';
    out += pick(typologies, prng);
    out += ',';
    appendNumber(out, prng.range(1, customerCount));
}

} // namespace cpm::gen
