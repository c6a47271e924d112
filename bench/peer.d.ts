// The peer parser ships no types; the benchmark only needs its one function.
declare module 'parse-prometheus-text-format' {
  export default function parsePrometheusTextFormat(text: string): unknown[];
}
