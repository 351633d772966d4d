"""EcoIndex (www.ecoindex.fr): a page's environmental score from its DOM size, request count and
weight. Our own implementation of the published method: the position of each measure among the
reference quantiles (interpolated), weighted 3 (DOM), 2 (requests), 1 (kB); score = 100 - 5 × the
weighted mean; grades A to G."""

QUANTILES_DOM = [0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459, 1801, 2479, 594601]
QUANTILES_REQUESTS = [0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920]
QUANTILES_KB = [0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32, 1648.27,
                1876.08, 2142.06, 2465.37, 2866.31, 3401.59, 4155.73, 5400.08, 8037.54, 223212.26]


def quantile_position(quantiles, value):
    """Where `value` falls among the quantiles, as a fractional index (0 to 20)."""
    for index in range(1, len(quantiles)):
        if value < quantiles[index]:
            low, high = quantiles[index - 1], quantiles[index]
            return index - 1 + (value - low) / (high - low)
    return len(quantiles) - 1


def score(dom, requests, kilobytes):
    weighted = (3 * quantile_position(QUANTILES_DOM, dom)
                + 2 * quantile_position(QUANTILES_REQUESTS, requests)
                + quantile_position(QUANTILES_KB, kilobytes)) / 6
    return round(100 - 5 * weighted)


def grade(value):
    for limit, letter in ((80, "A"), (70, "B"), (55, "C"), (40, "D"), (25, "E"), (10, "F")):
        if value > limit:
            return letter
    return "G"
