package changes

import (
	"time"

	"summit/domain/boards"
	"summit/domain/buildcache"
)

// cacheChanges is how many moved deals the cache holds over all its reports at most.
const cacheChanges = 40_000

// Cache keeps built reports for a short while, as boards.Cache keeps boards
// (domain/buildcache; docs/board.md, "Freshness"), weighed by their moved deals. The key
// is everything a report depends on besides the data: the board's (period, scope, basis,
// the caller's visibility, today's date) with from and to.
type Cache = buildcache.Cache[Report]

// NewCache returns a cache whose reports are at most ttl old; ttl 0 turns it off (nil).
func NewCache(ttl time.Duration) *Cache {
	if ttl <= 0 {
		return nil
	}
	return &Cache{TTL: ttl, Weight: reportWeight, MaxWeight: cacheChanges, What: "what changed"}
}

func reportWeight(r Report) int { return len(r.Changes) }

func cacheKey(q Query, today time.Time) string {
	day := func(t *time.Time) string {
		if t == nil {
			return "-"
		}
		return t.Format(time.DateOnly)
	}
	board := boards.Query{Visible: q.Visible, TeamID: q.TeamID, Period: q.Period, Basis: q.Basis}
	return boards.CacheKey(board, today) + "|" + day(q.From) + "|" + day(q.To)
}
