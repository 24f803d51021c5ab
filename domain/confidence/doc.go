// Package confidence turns a deal's plan and people into its deal confidence: the
// probability it is won at all (PWin), the probability it closes inside a period
// (PInPeriod), their product, and the factors that explain PWin.
//
// It is a pure engine: plain input structs in, a Result out, the as-of date passed in.
// It knows nothing of HTTP, storage or the clock, so callers map their entities onto
// Input (a thin converter) and may run it for any period or date. docs/confidence.md
// explains the model, each factor, the defaults and how to tune them.
package confidence
