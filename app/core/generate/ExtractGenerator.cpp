// SPDX-License-Identifier: GPL-3.0-or-later
#include "generate/ExtractGenerator.h"

#include "generate/GeneratorSupport.h"
#include "generate/SyntheticCatalog.h"

#include <QDir>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace cpm {

using namespace gen;

namespace {

// Independent PRNG streams, one per concern (see streamFor).
enum Stream : quint64 { StoreStream = 1, DeviceStream = 2, ProductStream = 3, TransactionStream = 4 };

constexpr qint64 ProgressEvery = 1 << 16;
constexpr int GappedTopRanks = 12;   // top-N lists get strictly decreasing counts up to here
const char *const statusNames[] = {"accepted", "refused", "cancelled"};

struct Plan
{
    qint64 transactions = 0;
    int stores = 0;
    int devices = 0;
    int products = 0;
};

/**
 * Transactions still to write per (product, status), drawn without replacement through a
 * Fenwick tree. Drawing from fixed quotas instead of independent draws is what makes the
 * top-product counts exact and tie-free, with or without a status filter.
 */
class QuotaPicker
{
public:
    explicit QuotaPicker(const std::vector<qint64> &quotas) : m_tree(quotas.size() + 1, 0)
    {
        for (std::size_t i = 0; i < quotas.size(); ++i)
            add(i, quotas[i]);
    }
    /** Takes one unit from the quotas; returns its index. Call at most sum(quotas) times. */
    std::size_t take(Prng &prng)
    {
        qint64 rest = static_cast<qint64>(prng.below(static_cast<quint64>(m_remaining)));
        std::size_t position = 0;
        std::size_t step = 1;
        while (step * 2 < m_tree.size())
            step *= 2;
        for (; step > 0; step /= 2) {
            if (position + step < m_tree.size() && m_tree[position + step] <= rest) {
                position += step;
                rest -= m_tree[position];
            }
        }
        add(position, -1);
        return position;
    }

private:
    void add(std::size_t index, qint64 delta)
    {
        m_remaining += delta;
        for (std::size_t i = index + 1; i < m_tree.size(); i += i & (~i + 1))
            m_tree[i] += delta;
    }

    std::vector<qint64> m_tree;
    qint64 m_remaining = 0;
};

/** Zipf-like totals per popularity rank, with gaps of at least 2 between the top ranks. */
std::vector<qint64> rankTotals(qint64 transactions, int products)
{
    std::vector<double> weights(static_cast<std::size_t>(products));
    double sum = 0;
    for (int r = 0; r < products; ++r)
        sum += weights[static_cast<std::size_t>(r)] = 1.0 / (r + 1);
    std::vector<qint64> totals(weights.size());
    qint64 assigned = 0;
    for (std::size_t r = 0; r < weights.size(); ++r)
        assigned += totals[r] = static_cast<qint64>(std::floor(transactions * weights[r] / sum));
    for (std::size_t r = 0; assigned < transactions; r = (r + 1) % totals.size(), ++assigned)
        ++totals[r];
    // Gaps of 2 survive the status split below (0.8 * 2 > 1), so filtered lists stay tie-free.
    const int top = std::min(GappedTopRanks, products - 1);
    for (int r = top - 1; r >= 0; --r) {
        auto &here = totals[static_cast<std::size_t>(r)];
        qint64 deficit = totals[static_cast<std::size_t>(r) + 1] + 2 - here;
        for (std::size_t tail = totals.size() - 1; deficit > 0 && tail > static_cast<std::size_t>(top); --tail) {
            const qint64 moved = std::min(deficit, totals[tail] - 1);
            if (moved > 0) {
                totals[tail] -= moved;
                here += moved;
                deficit -= moved;
            }
        }
    }
    return totals;
}

/** Per (product, status) quotas; popularity ranks are shuffled so SKU order says nothing. */
std::vector<qint64> statusQuotas(qint64 transactions, int products, Prng &prng)
{
    const std::vector<qint64> totals = rankTotals(transactions, products);
    std::vector<int> rankOf(static_cast<std::size_t>(products));
    for (int i = 0; i < products; ++i)
        rankOf[static_cast<std::size_t>(i)] = i;
    for (std::size_t i = rankOf.size(); i > 1; --i)
        std::swap(rankOf[i - 1], rankOf[prng.below(i)]);
    std::vector<qint64> quotas;
    quotas.reserve(totals.size() * 3);
    for (const int rank : rankOf) {
        const qint64 total = totals[static_cast<std::size_t>(rank)];
        const qint64 accepted = std::llround(total * 0.80);
        const qint64 refused = std::min(std::llround(total * 0.12), total - accepted);
        quotas.insert(quotas.end(), {accepted, refused, total - accepted - refused});
    }
    return quotas;
}

Plan makePlan(const GeneratorOptions &options)
{
    Plan plan;
    plan.transactions = options.transactions;
    plan.stores = options.stores > 0
        ? options.stores
        : static_cast<int>(std::clamp<qint64>(options.transactions / 50, 20, 100000));
    plan.devices = options.devices > 0 ? options.devices : plan.stores * 2;
    plan.products = options.profile == GeneratorProfile::Wide
        ? static_cast<int>(std::clamp<qint64>(options.transactions / 20, 20, 5000000))
        : static_cast<int>(std::clamp<qint64>(options.transactions / 40, 20, 500));
    return plan;
}

/** One generation: owns the three sinks so any failure can remove all of them. */
class Run
{
public:
    Run(const QString &directory, const GeneratorOptions &options, const ExtractGenerator::Progress &progress)
        : m_directory(directory), m_options(options), m_plan(makePlan(options)), m_progress(progress)
    {
    }

    bool execute(Error *error)
    {
        m_error = error;
        m_total = m_plan.stores + qint64(m_plan.devices) + m_plan.transactions;
        const bool ok = validate() && makeDirectory() && writeStores() && writeDevices()
            && writeTransactions() && report();
        if (!ok) {
            for (CsvSink &sink : m_sinks)
                sink.discard();
        }
        return ok;
    }

private:
    bool fail(Error::Code code, const QString &message, const QString &file = {})
    {
        *m_error = Error::make(code, message);
        m_error->file = file;
        return false;
    }

    bool validate()
    {
        if (m_options.transactions < 0 || m_options.stores < 0 || m_options.devices < 0)
            return fail(Error::Code::Usage, QStringLiteral("row counts must not be negative"));
        if (m_options.transactions > 0 && m_plan.devices == 0)
            return fail(Error::Code::Usage, QStringLiteral("transactions need at least one device"));
        return true;
    }

    bool makeDirectory()
    {
        if (QDir().mkpath(m_directory))
            return true;
        return fail(Error::Code::FileOpen, QStringLiteral("cannot create directory %1").arg(m_directory), m_directory);
    }

    bool open(int index, const char *fileName, const char *header)
    {
        CsvSink &sink = m_sinks[index];
        if (!sink.open(QDir(m_directory).filePath(QLatin1String(fileName)), m_error))
            return false;
        sink.buffer().append(header);
        return sink.endRow(m_error);
    }

    /** Counts a row; every ProgressEvery rows asks the callback whether to go on. */
    bool tick()
    {
        ++m_done;
        return m_done % ProgressEvery != 0 || report();
    }

    bool report()
    {
        if (!m_progress || m_progress(m_done, m_total))
            return true;
        return fail(Error::Code::Cancelled, QStringLiteral("generation cancelled"), m_directory);
    }

    bool writeStores()
    {
        if (!open(0, "stores.csv", "id,name,address,city,country,created_at,typology,customer_id"))
            return false;
        Prng prng = streamFor(m_options.seed, StoreStream);
        const qint64 first = epochSeconds(2021, 1, 1);
        const qint64 span = epochSeconds(2024, 1, 1) - first;
        const int customers = std::max(10, m_plan.stores / 4);
        m_storeCreated.resize(static_cast<std::size_t>(m_plan.stores));
        for (int s = 0; s < m_plan.stores; ++s) {
            const qint64 created = first + prng.range(0, span - 1);
            m_storeCreated[static_cast<std::size_t>(s)] = created;
            QByteArray &out = m_sinks[0].buffer();
            appendNumber(out, s + 1);
            out += ',';
            appendStoreFields(out, created, customers, prng);
            if (!m_sinks[0].endRow(m_error) || !tick())
                return false;
        }
        return m_sinks[0].finish(m_error);
    }

    std::vector<int> assignDevices(Prng &prng, std::vector<double> *storeWeights);
    bool writeDevices();
    bool writeTransactions();
    void appendTransaction(qint64 id, Prng &prng);

    QString m_directory;
    GeneratorOptions m_options;
    Plan m_plan;
    ExtractGenerator::Progress m_progress;
    Error *m_error = nullptr;
    CsvSink m_sinks[3];
    qint64 m_done = 0;
    qint64 m_total = 0;
    std::vector<qint64> m_storeCreated;   // per store index
    std::vector<int> m_deviceStore;       // per device index: store index
    std::vector<double> m_deviceCumulative;
    std::vector<Product> m_products;
    std::unique_ptr<QuotaPicker> m_quotas;
};

/**
 * Device index -> store index. A few stores get no device (real extracts have them); the
 * rest get one each, then extra devices go preferably to popular stores. Ids are shuffled
 * so device 1 is not store 1's.
 */
std::vector<int> Run::assignDevices(Prng &prng, std::vector<double> *storeWeights)
{
    std::vector<int> order(static_cast<std::size_t>(m_plan.stores));
    for (int s = 0; s < m_plan.stores; ++s)
        order[static_cast<std::size_t>(s)] = s;
    for (std::size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[prng.below(i)]);
    const int deviceless = m_plan.stores >= 5 ? std::max(1, m_plan.stores / 30) : 0;
    storeWeights->assign(order.size(), 0.0);
    std::vector<double> cumulative;
    double sum = 0;
    for (std::size_t rank = 0; rank + deviceless < order.size(); ++rank) {
        // Skewed popularity: a few stores take much of the volume; jitter avoids lockstep.
        const double weight = (0.85 + 0.3 * prng.uniform()) / std::pow(rank + 1.0, 0.9);
        (*storeWeights)[static_cast<std::size_t>(order[rank + deviceless])] = weight;
        cumulative.push_back(sum += weight);
    }
    std::vector<int> deviceStore;
    deviceStore.reserve(static_cast<std::size_t>(m_plan.devices));
    for (int d = 0; d < m_plan.devices; ++d) {
        const std::size_t rank = static_cast<std::size_t>(d) < cumulative.size()
            ? static_cast<std::size_t>(d)
            : static_cast<std::size_t>(pickCumulative(cumulative, prng.uniform() * sum));
        deviceStore.push_back(order[rank + deviceless]);
    }
    for (std::size_t i = deviceStore.size(); i > 1; --i)
        std::swap(deviceStore[i - 1], deviceStore[prng.below(i)]);
    return deviceStore;
}

bool Run::writeDevices()
{
    if (!open(1, "devices.csv", "id,type,store_id"))
        return false;
    Prng prng = streamFor(m_options.seed, DeviceStream);
    std::vector<double> storeWeights;
    m_deviceStore = assignDevices(prng, &storeWeights);
    std::vector<int> devicesPerStore(static_cast<std::size_t>(m_plan.stores), 0);
    for (const int store : m_deviceStore)
        ++devicesPerStore[static_cast<std::size_t>(store)];
    static const std::vector<double> typeCumulative = {0.30, 0.55, 0.75, 0.90, 1.0};
    double sum = 0;
    m_deviceCumulative.clear();
    for (std::size_t d = 0; d < m_deviceStore.size(); ++d) {
        const auto store = static_cast<std::size_t>(m_deviceStore[d]);
        sum += storeWeights[store] / devicesPerStore[store] * (0.6 + 0.8 * prng.uniform());
        m_deviceCumulative.push_back(sum);
        QByteArray &out = m_sinks[1].buffer();
        appendNumber(out, qint64(d) + 1);
        out += ',';
        appendNumber(out, pickCumulative(typeCumulative, prng.uniform()) + 1);
        out += ',';
        appendNumber(out, qint64(store) + 1);
        if (!m_sinks[1].endRow(m_error) || !tick())
            return false;
    }
    return m_sinks[1].finish(m_error);
}

bool Run::writeTransactions()
{
    // Real extracts put the card columns between status and the timestamps.
    const char *header = m_options.cardData
        ? "id,device_id,product_name,product_sku,category_name,amount,status,card_number,cvv,created_at,happened_at"
        : "id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at";
    if (!open(2, "transactions.csv", header))
        return false;
    Prng productPrng = streamFor(m_options.seed, ProductStream);
    m_products = m_options.profile == GeneratorProfile::Wide ? makeWideProducts(m_plan.products, productPrng)
                                                             : makeProducts(m_plan.products, productPrng);
    m_quotas = std::make_unique<QuotaPicker>(statusQuotas(m_plan.transactions, m_plan.products, productPrng));
    Prng prng = streamFor(m_options.seed, TransactionStream);
    for (qint64 id = m_options.firstId; id < m_options.firstId + m_plan.transactions; ++id) {
        appendTransaction(id, prng);
        if (!m_sinks[2].endRow(m_error) || !tick())
            return false;
    }
    return m_sinks[2].finish(m_error);
}

void Run::appendTransaction(qint64 id, Prng &prng)
{
    static const qint64 end = epochSeconds(2024, 7, 1) - 1;
    QByteArray &out = m_sinks[2].buffer();
    const double total = m_deviceCumulative.back();
    const int device = pickCumulative(m_deviceCumulative, prng.uniform() * total);
    const std::size_t slot = m_quotas->take(prng);
    const Product &product = m_products[slot / 3];
    appendNumber(out, id);
    out += ',';
    appendNumber(out, device + 1);
    out += ',';
    out += product.name;
    out += ',';
    // About one row in twenty carries the 'v'-prefixed spelling of the same SKU.
    out += prng.chance(0.05) ? product.prefixedSku : product.sku;
    out += ',';
    out += product.category;
    out += ',';
    const int quantity = prng.chance(0.1) ? static_cast<int>(prng.range(2, 4)) : 1;
    appendNumber(out, std::max<qint64>(1, std::llround(product.price * (0.7 + 0.6 * prng.uniform()))) * quantity);
    out += ',';
    out += statusNames[slot % 3];
    if (m_options.cardData) {
        out += ',';
        appendCardNumber(out, prng, m_options.profile == GeneratorProfile::Wide && prng.chance(0.3) ? '-' : ' ');
        out += ',';
        appendNumber(out, prng.range(100, 999));
    }
    // happened_at: after the store opened; created_at: recorded seconds to minutes later.
    const qint64 opened = m_storeCreated[static_cast<std::size_t>(m_deviceStore[static_cast<std::size_t>(device)])];
    const qint64 happened = opened + 600 + prng.range(0, std::max<qint64>(0, end - opened - 600));
    const qint64 lag = prng.chance(0.7) ? prng.range(1, 120) : prng.range(121, 1800);
    out += ',';
    appendTimestamp(out, happened + lag);
    out += ',';
    appendTimestamp(out, happened);
}

} // namespace

bool ExtractGenerator::write(const QString &directory, const GeneratorOptions &options, const Progress &progress)
{
    m_error = Error();
    Run run(directory, options, progress);
    return run.execute(&m_error);
}

} // namespace cpm
