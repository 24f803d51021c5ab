// Package domain holds Summit's business vocabulary shared by every area: the errors that
// cross layers and the listing parameters. It imports neither Echo nor GORM; the areas
// (identity, deals, …) live in sub-packages with their entities and pure rules.
package domain
