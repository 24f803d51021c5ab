package deals

import "time"

// Slippage is how late a deal's plan runs against its committed baseline (CommittedBaseline).
type Slippage struct {
	// NextGate is the first open gate in plan order and its slip in calendar days.
	NextGateID   *string
	NextGateSlip *int
	// ContractSlip is the contract-signing milestone's slip.
	ContractSlip *int
}

// DealSlippage reads the slippage of a plan whose milestones carry baseline dates.
func DealSlippage(plan []Milestone) Slippage {
	var s Slippage
	for _, m := range plan {
		if m.Gate && !m.Finished() && s.NextGateID == nil {
			id := m.ID
			s.NextGateID, s.NextGateSlip = &id, m.SlipDays()
		}
		if m.Key == KeyContractSigned {
			s.ContractSlip = m.SlipDays()
		}
	}
	return s
}

// Overdue reports whether an unfinished milestone is past its due date at today.
func (m Milestone) Overdue(today time.Time) bool {
	return !m.Finished() && Day(today).After(m.PlannedDue)
}
