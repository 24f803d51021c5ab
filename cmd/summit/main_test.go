package main

import (
	"testing"

	"summit/repository/dbtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }
