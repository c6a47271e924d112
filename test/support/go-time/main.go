// How Kubernetes' metav1.Time reads a timestamp: time.Parse(time.RFC3339, text) from Go's
// standard library (apimachinery pkg/apis/meta/v1/time.go, UnmarshalJSON). Reads a JSON array
// of texts on stdin; writes a JSON array with, for each, whether Go parses it.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"
)

func main() {
	var texts []string
	if err := json.NewDecoder(os.Stdin).Decode(&texts); err != nil {
		fmt.Fprintln(os.Stderr, "reading the texts:", err)
		os.Exit(2)
	}
	parsed := make([]bool, len(texts))
	for i, text := range texts {
		_, err := time.Parse(time.RFC3339, text)
		parsed[i] = err == nil
	}
	if err := json.NewEncoder(os.Stdout).Encode(parsed); err != nil {
		os.Exit(2)
	}
}
