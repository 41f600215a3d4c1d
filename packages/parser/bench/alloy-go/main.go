// A command around Alloy's own Go parser, for the parser bench and its differential fuzz (bench only, never in
// CI). bench/support/alloy-go.mjs builds it in a temporary module beside a copy of Alloy's syntax packages.
//
//	alloy-go errors   stdin: a JSON array of texts; stdout: {"diagnostics": each text's "LINE:COL: message" list,
//	                  "unassigned": each text's code points that this Go's Unicode tables do not assign}
//	alloy-go bench    stdin: {"runs": N, "sets": [{"name": …, "files": [paths]}]}; stdout: each set's bytes and parse times
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"time"
	"unicode"

	"github.com/grafana/alloy/syntax/diag"
	"github.com/grafana/alloy/syntax/parser"
)

func diagnosticsOf(text []byte) []string {
	out := []string{}
	_, err := parser.ParseFile("", text)
	if err == nil {
		return out
	}
	var list diag.Diagnostics
	if !errors.As(err, &list) {
		return append(out, "0:0: "+err.Error())
	}
	for _, d := range list {
		out = append(out, fmt.Sprintf("%d:%d: %s", d.StartPos.Line, d.StartPos.Column, d.Message))
	}
	return out
}

// unassigned lists the code points of text that are in no Unicode category of this Go's tables: a scanner built
// on newer tables (Node's) may take them for letters or printable characters where this one does not.
func unassigned(text string) []rune {
	out := []rune{}
	for _, r := range text {
		if r >= 0x80 && r != 0xFFFD && !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z, unicode.C) {
			out = append(out, r)
		}
	}
	return out
}

type benchSet struct {
	Name  string   `json:"name"`
	Files []string `json:"files"`
}

type benchResult struct {
	Name     string  `json:"name"`
	Bytes    int     `json:"bytes"`
	MedianMs float64 `json:"medianMs"`
	BestMs   float64 `json:"bestMs"`
}

func bench(runs int, sets []benchSet) []benchResult {
	results := []benchResult{}
	for _, set := range sets {
		texts := [][]byte{}
		bytes := 0
		for _, path := range set.Files {
			data, err := os.ReadFile(path)
			if err != nil {
				fail(err)
			}
			texts = append(texts, data)
			bytes += len(data)
		}
		for warm := 0; warm < 2; warm++ {
			for _, t := range texts {
				parser.ParseFile("", t)
			}
		}
		times := []float64{}
		for r := 0; r < runs; r++ {
			start := time.Now()
			for _, t := range texts {
				parser.ParseFile("", t)
			}
			times = append(times, float64(time.Since(start).Microseconds())/1000)
		}
		sort.Float64s(times)
		results = append(results, benchResult{set.Name, bytes, times[len(times)/2], times[0]})
	}
	return results
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "alloy-go:", err)
	os.Exit(2)
}

func main() {
	if len(os.Args) != 2 {
		fail(errors.New("usage: alloy-go errors|bench < input.json"))
	}
	decoder := json.NewDecoder(os.Stdin)
	var out any
	switch os.Args[1] {
	case "errors":
		var texts []string
		if err := decoder.Decode(&texts); err != nil {
			fail(err)
		}
		result := struct {
			Diagnostics [][]string `json:"diagnostics"`
			Unassigned  [][]rune   `json:"unassigned"`
		}{[][]string{}, [][]rune{}}
		for _, t := range texts {
			result.Diagnostics = append(result.Diagnostics, diagnosticsOf([]byte(t)))
			result.Unassigned = append(result.Unassigned, unassigned(t))
		}
		out = result
	case "bench":
		var request struct {
			Runs int        `json:"runs"`
			Sets []benchSet `json:"sets"`
		}
		if err := decoder.Decode(&request); err != nil {
			fail(err)
		}
		out = bench(request.Runs, request.Sets)
	default:
		fail(fmt.Errorf("unknown mode %q", os.Args[1]))
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fail(err)
	}
}
