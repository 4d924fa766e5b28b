// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generate/GeneratorSupport.h"

#include <QByteArray>

#include <vector>

/** Made-up vocabulary for the generator: store rows and a product catalogue. */
namespace cpm::gen {

/** One product; text fields are already CSV-encoded so the hot loop only copies bytes. */
struct Product
{
    QByteArray name;
    QByteArray sku;          ///< 13-digit EAN-like code
    QByteArray prefixedSku;  ///< the same code with the 'v' some source systems add
    QByteArray category;
    int price = 1;           ///< typical amount, whole currency units like the real extracts
};

/** @p count distinct products over a dozen categories; a few names need CSV quoting. */
std::vector<Product> makeProducts(int count, Prng &prng);
/**
 * @p count distinct products (up to millions) with long names, many of them with commas and
 * double quotes ("Golden Rustic Croissant, 250 g \"Lot 4711\""), and 13-digit SKUs that stay
 * distinct for every index.
 */
std::vector<Product> makeWideProducts(int count, Prng &prng);

/**
 * Appends the fields after the id of one stores.csv row:
 * name,address,city,country,created_at,typology,customer_id.
 */
void appendStoreFields(QByteArray &out, qint64 createdAt, int customerCount, Prng &prng);

} // namespace cpm::gen
