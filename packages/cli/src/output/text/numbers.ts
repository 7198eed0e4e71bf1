/**
 * A whole number with its digits grouped by commas, `1,000,000`, as
 * `toLocaleString('en-US')` writes it, without loading the ICU data that costs a process
 * about 12 ms the first time (the help text of `--max-states` is built at every start).
 */
export function groupDigits(value: number): string {
  return String(Math.trunc(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
