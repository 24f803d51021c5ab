package deals

import (
	"errors"
	"strings"
	"testing"

	"summit/domain"
)

func TestCheckDeal(t *testing.T) {
	half := 0.5
	ok := Deal{Name: "Smart city", Segment: SegmentG2B, AmountMinor: 0, Currency: "CNY", TargetCloseDate: d("2026-12-31"),
		ForecastCategory: ForecastCommit, ManualProbability: &half, JudgementNote: strings.Repeat("判", domain.MaxJudgementNoteLen)}
	if err := CheckDeal(ok); err != nil {
		t.Fatal(err)
	}
	over := 1.01
	bad := Deal{Name: " ", Segment: "retail", AmountMinor: -1, Currency: "yuan", ForecastCategory: "maybe", ManualProbability: &over,
		JudgementNote: strings.Repeat("判", domain.MaxJudgementNoteLen+1)}
	var verr *domain.ValidationError
	if !errors.As(CheckDeal(bad), &verr) || len(verr.Violations) != 8 {
		t.Fatalf("got %v", verr)
	}
	for _, field := range []string{"forecast_category", "manual_probability", "judgement_note"} {
		if !strings.Contains(verr.Error(), field+":") {
			t.Errorf("%v does not name %s", verr, field)
		}
	}
	for _, cur := range []string{"cny", "XXY", "RMB"} {
		ok.Currency = cur
		if CheckDeal(ok) == nil {
			t.Errorf("currency %q accepted", cur)
		}
	}
}

func TestChangeStatus(t *testing.T) {
	signed := []Milestone{{Key: KeyContractSigned, Status: StatusDone}}
	unsigned := []Milestone{{Key: KeyContractSigned, Status: StatusInProgress}}
	tests := []struct {
		name    string
		req     StatusRequest
		plan    []Milestone
		admin   bool
		wantErr string // field, or "forbidden"
	}{
		{"won after the contract gate", StatusRequest{To: DealWon}, signed, false, ""},
		{"won before it", StatusRequest{To: DealWon}, unsigned, true, "status"},
		{"admin override with a note", StatusRequest{To: DealWon, Override: true, Reason: "Signed on paper, plan behind"}, unsigned, true, ""},
		{"admin override without a note", StatusRequest{To: DealWon, Override: true}, unsigned, true, "status_reason"},
		{"override by a non-admin", StatusRequest{To: DealWon, Override: true, Reason: "x"}, unsigned, false, "forbidden"},
		{"lost needs a reason", StatusRequest{To: DealLost}, nil, false, "status_reason"},
		{"abandoned with a reason", StatusRequest{To: DealAbandoned, Reason: "No-go at bid decision"}, nil, false, ""},
		{"reopened", StatusRequest{To: DealOpen}, nil, false, ""},
	}
	for _, tc := range tests {
		got, err := ChangeStatus(Deal{Status: DealOpen}, tc.req, tc.plan, tc.admin)
		switch {
		case tc.wantErr == "forbidden":
			if !errors.Is(err, domain.ErrForbidden) {
				t.Errorf("%s: %v, want forbidden", tc.name, err)
			}
		case tc.wantErr != "":
			var verr *domain.ValidationError
			if !errors.As(err, &verr) || verr.Violations[0].Field != tc.wantErr {
				t.Errorf("%s: %v, want field %s", tc.name, err, tc.wantErr)
			}
		case err != nil || got.Status != tc.req.To:
			t.Errorf("%s: %+v %v", tc.name, got, err)
		}
	}
}

func TestAbandon(t *testing.T) {
	open := Deal{ID: "d1", Status: DealOpen, Version: 3}
	tests := []struct {
		name    string
		deal    Deal
		version int
		wantErr error
	}{
		{"open at its version", open, 3, nil},
		{"the deal moved on", open, 2, domain.ErrStaleVersion},
		{"a version not reached yet", open, 4, domain.ErrStaleVersion},
		{"already abandoned", Deal{ID: "d1", Status: DealAbandoned, StatusReason: "Earlier no-go", Version: 3}, 3, domain.ErrConflict},
		{"already won", Deal{ID: "d1", Status: DealWon, Version: 3}, 3, domain.ErrConflict},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Abandon(tc.deal, tc.version, "Specification favours a rival")
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("Abandon: %v, want %v", err, tc.wantErr)
			}
			if err != nil {
				if got.Status != tc.deal.Status || got.StatusReason != tc.deal.StatusReason {
					t.Fatalf("refused Abandon changed the deal: %+v", got)
				}
				return
			}
			if got.Status != DealAbandoned || got.StatusReason != "Specification favours a rival" || got.Version != tc.deal.Version {
				t.Fatalf("Abandon = %+v", got)
			}
		})
	}
}
