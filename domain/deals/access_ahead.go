package deals

import (
	"context"
	"fmt"

	"summit/domain"
)

// accessAhead is the access of the deal one request acts on, read ahead of authorization
// by the statement that authenticates the request (the store that reads the credential
// adds it to that statement), so that authorizing a deal's route costs no statement of
// its own. It lives in the request's context and is used once.
type accessAhead struct {
	dealID, milestoneID string // what the request names: a deal, or a milestone
	read, found         bool
	access              Access
}

type accessAheadKey struct{}

// ReadAccessAhead returns ctx asking the store that authenticates the request to read,
// in the same statement, the access of the deal dealID or of the deal milestoneID
// belongs to (one of them is ""). Access and MilestoneAccess then answer from it.
func ReadAccessAhead(ctx context.Context, dealID, milestoneID string) context.Context {
	return context.WithValue(ctx, accessAheadKey{}, &accessAhead{dealID: dealID, milestoneID: milestoneID})
}

// AccessAheadWanted tells a store authenticating a request which deal's access to read
// with the credential (dealID) or through which milestone (milestoneID); ok is false when
// ctx asks for none. The store hands what it read to RecordAccessAhead.
func AccessAheadWanted(ctx context.Context) (dealID, milestoneID string, ok bool) {
	a, ok := ctx.Value(accessAheadKey{}).(*accessAhead)
	if !ok || a.read {
		return "", "", false
	}
	return a.dealID, a.milestoneID, true
}

// RecordAccessAhead keeps what the store read ahead: the deal's access, or found false
// when no such deal (or milestone) exists.
func RecordAccessAhead(ctx context.Context, acc Access, found bool) {
	if a, ok := ctx.Value(accessAheadKey{}).(*accessAhead); ok && !a.read {
		a.read, a.found, a.access = true, found, acc
	}
}

// accessReadAhead is the access read ahead for the deal or milestone id, if the request
// read it; a deal that was not found is domain.ErrNotFound, as the store says it.
func accessReadAhead(ctx context.Context, dealID, milestoneID string) (Access, bool, error) {
	a, ok := ctx.Value(accessAheadKey{}).(*accessAhead)
	if !ok || !a.read || a.dealID != dealID || a.milestoneID != milestoneID {
		return Access{}, false, nil
	}
	if !a.found {
		if dealID != "" {
			return Access{}, true, fmt.Errorf("deal %s: %w", dealID, domain.ErrNotFound)
		}
		return Access{}, true, fmt.Errorf("milestone %s: %w", milestoneID, domain.ErrNotFound)
	}
	return a.access, true, nil
}
