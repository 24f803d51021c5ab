// Package rollup turns the deals of a scope and period into the distribution of the
// period's revenue: each open deal an independent Bernoulli(confidence) with its
// amount, on top of the revenue already won. From that distribution it answers the
// executives' questions exactly rather than by sampling: the probability of meeting the
// target, the P10 / P50 / P90 of revenue, and for every deal the probability of target
// if it is won and if it is lost (the deals that swing it most are where the next hour
// of work goes).
//
// It is pure: amounts in the reporting currency's minor units and probabilities in,
// figures out. docs/board.md works out the method and its error bound.
package rollup
