// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace cpm::columnar {

/**
 * Reserves room for @p n values (a std::vector or std::string) and, for big columns, asks Linux to back the untouched
 * buffer with transparent huge pages (madvise MADV_HUGEPAGE; a hint, ignored where THP is
 * off). Why: decoding a snapshot writes every page of its columns once, and on a VM each
 * 4 KiB first-touch fault is expensive — at 1M rows a cold `cpm-cli metrics` spent more time
 * in the kernel clearing and mapping pages than decoding. One 2 MiB fault replaces 512.
 * Call before the first write (resize, assign): pages already touched stay small.
 */
template<typename Container>
void reserveHugePages(Container &column, std::size_t n)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t huge = std::uintptr_t(2) << 20;
    using Value = typename Container::value_type;
    const std::size_t bytes = n * sizeof(Value);
    if (bytes < huge || column.capacity() >= n) {
        column.reserve(n);
        return;
    }
    // One huge page more than asked: the buffer's last huge page then lies inside it, so the
    // whole tail is huge too (untouched room costs nothing). Only the head, before the first
    // 2 MiB boundary, stays in small pages.
    column.reserve(n + huge / sizeof(Value));
    const auto begin = reinterpret_cast<std::uintptr_t>(column.data());
    const std::uintptr_t first = (begin + huge - 1) & ~(huge - 1);
    const std::uintptr_t last = (begin + bytes + huge - 1) & ~(huge - 1);
    if (last > first)
        madvise(reinterpret_cast<void *>(first), last - first, MADV_HUGEPAGE);
#else
    column.reserve(n);
#endif
}

} // namespace cpm::columnar
