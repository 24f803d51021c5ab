package confidence

// graph is a plan's dependencies as index lists: deps(i) are the steps i waits for.
type graph struct {
	off, to []int
}

// newGraph builds the graph in the front of ints (n + 1 + Σ dependencies) and returns
// the rest. Dependencies on unknown ids (or on the step itself) are dropped.
func newGraph(ms []Milestone, ints []int) (graph, []int) {
	n := len(ms)
	idx := newIDs(ms)
	g := graph{off: ints[: n+1 : n+1]}
	rest := ints[n+1:]
	g.to = rest[:0:len(rest)]
	for i := range ms {
		g.off[i] = len(g.to)
		for _, d := range ms[i].DependsOn {
			if j := idx.find(d, i); j >= 0 && j != i {
				g.to = append(g.to, j)
			}
		}
	}
	g.off[n] = len(g.to)
	return g, rest[len(g.to):]
}

func (g graph) deps(i int) []int { return g.to[g.off[i]:g.off[i+1]] }

// order lists the steps dependencies first (Kahn) into order, using placed as scratch;
// steps caught in a cycle, which the plan rules forbid, follow in input order.
func (g graph) order(order []int, placed []bool) []int {
	n := len(g.off) - 1
	for len(order) < n {
		progressed := false
		for i := 0; i < n; i++ {
			if placed[i] {
				continue
			}
			ready := true
			for _, j := range g.deps(i) {
				if !placed[j] {
					ready = false
					break
				}
			}
			if ready {
				placed[i], progressed = true, true
				order = append(order, i)
			}
		}
		if !progressed { // a cycle: place the first unplaced
			for i := 0; i < n; i++ {
				if !placed[i] {
					placed[i] = true
					order = append(order, i)
					break
				}
			}
		}
	}
	return order
}

// openAncestors counts the unfinished steps on the paths to step c (c included) and the
// blocked ones among them, using stack and visited as scratch.
func (g graph) openAncestors(ms []Milestone, c int, stack []int, visited []bool) (open, blocked int) {
	stack = append(stack, c)
	visited[c] = true
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if ms[i].finished() {
			continue
		}
		open++
		if ms[i].Status == StatusBlocked {
			blocked++
		}
		for _, j := range g.deps(i) {
			if !visited[j] {
				visited[j] = true
				stack = append(stack, j)
			}
		}
	}
	return open, blocked
}

// ids finds a milestone's index by id (-1 when absent). from is the dependent's index:
// dependencies usually come just before it in the plan, so the search starts there.
// Long plans use a map.
type ids struct {
	ms   []Milestone
	byID map[string]int
}

func newIDs(ms []Milestone) ids {
	x := ids{ms: ms}
	if len(ms) > 32 {
		x.byID = make(map[string]int, len(ms))
		for i := range ms {
			x.byID[ms[i].ID] = i
		}
	}
	return x
}

func (x ids) find(id string, from int) int {
	if x.byID != nil {
		if i, ok := x.byID[id]; ok {
			return i
		}
		return -1
	}
	for j := from - 1; j >= 0; j-- {
		if x.ms[j].ID == id {
			return j
		}
	}
	for j := from + 1; j < len(x.ms); j++ {
		if x.ms[j].ID == id {
			return j
		}
	}
	return -1
}
