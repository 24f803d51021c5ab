// Package targets holds revenue targets per period and scope (a team of the tree, or the
// company), the FX table that converts deal amounts into the reporting currency, and the
// installation's settings (reporting currency, fiscal year start month). Pure rules: the
// top-down / bottom-up tree of a period (Tree) and the converter (Converter) take their
// inputs as values; Service is the use cases over a Store.
//
// The targets follow the seed article on quotas: a target is the output-level quota of a
// scope. Set top-down, each node of the team tree has its own target; added up
// bottom-up, its child teams' targets sum to another figure; the gap between the two is
// shown, never silently reconciled.
package targets
