// A stand-in for how kubectl reads a file it applies, built from the real libraries kubectl
// uses: golang.org/x/text's BOMOverride (cli-runtime's FileVisitor), a stream starting with "{"
// decoded as JSON, any other cut into parts at lines starting with "---" (refusing one with
// more than a comment after it, as apimachinery's YAMLReader does; its lines are read without
// their CR, as bufio's ReadLine gives them), each part turned into JSON by sigs.k8s.io/yaml
// (go-yaml v2), empty and null parts skipped (StreamVisitor). The splitting is written here
// from those rules; the YAML and JSON reading is the libraries' own.
//
// Reads a JSON array of texts on stdin; writes a JSON array with, for each text, either
// {"docs": [<each document's JSON text>]} or {"docs": null, "error": "<why>"}.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
	"sigs.k8s.io/yaml"
)

type result struct {
	Docs  []string `json:"docs"`
	Error string   `json:"error,omitempty"`
}

func main() {
	var texts []string
	if err := json.NewDecoder(os.Stdin).Decode(&texts); err != nil {
		fmt.Fprintln(os.Stderr, "reading the texts:", err)
		os.Exit(2)
	}
	results := make([]result, 0, len(texts))
	for _, text := range texts {
		docs, err := read([]byte(text))
		if err != nil {
			results = append(results, result{Error: err.Error()})
		} else {
			results = append(results, result{Docs: docs})
		}
	}
	if err := json.NewEncoder(os.Stdout).Encode(results); err != nil {
		os.Exit(2)
	}
}

func read(raw []byte) ([]string, error) {
	text, err := io.ReadAll(transform.NewReader(bytes.NewReader(raw), xunicode.BOMOverride(xunicode.UTF8.NewDecoder())))
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(bytes.TrimLeftFunc(text, unicode.IsSpace), []byte("{")) {
		return readJSON(text)
	}
	parts, err := split(text)
	if err != nil {
		return nil, err
	}
	docs := []string{}
	for _, part := range parts {
		converted, err := yaml.YAMLToJSON(part)
		if err != nil {
			return nil, err
		}
		converted = bytes.TrimSpace(converted)
		if len(converted) == 0 || string(converted) == "null" {
			continue
		}
		docs = append(docs, string(converted))
	}
	return docs, nil
}

func readJSON(text []byte) ([]string, error) {
	decoder := json.NewDecoder(bytes.NewReader(text))
	docs := []string{}
	for {
		var value json.RawMessage
		if err := decoder.Decode(&value); err != nil {
			if errors.Is(err, io.EOF) {
				return docs, nil
			}
			return nil, err
		}
		trimmed := bytes.TrimSpace(value)
		if string(trimmed) != "null" {
			docs = append(docs, string(trimmed))
		}
	}
}

// split cuts the text at lines starting with "---"; such a line with more than spaces and a
// comment after the dashes is an error.
func split(text []byte) ([][]byte, error) {
	reader := bufio.NewReader(bytes.NewReader(text))
	var parts [][]byte
	var part bytes.Buffer
	for {
		line, readErr := reader.ReadString('\n')
		if line == "" && readErr != nil {
			break
		}
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r") + "\n"
		if strings.HasPrefix(line, "---") {
			rest := strings.TrimSpace(line[3:])
			if rest != "" && !strings.HasPrefix(rest, "#") {
				return nil, fmt.Errorf("invalid document separator: %s", rest)
			}
			if part.Len() > 0 {
				parts = append(parts, append([]byte(nil), part.Bytes()...))
				part.Reset()
			}
		} else {
			part.WriteString(line)
		}
		if readErr != nil {
			break
		}
	}
	if part.Len() > 0 {
		parts = append(parts, part.Bytes())
	}
	return parts, nil
}
