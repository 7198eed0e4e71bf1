/** A trace line that cannot be read as a step: not JSON, no operation or event, an unknown one, params that do not fit. */
export class TraceLineError extends Error {
  override readonly name = 'TraceLineError'

  constructor(
    /** 1-based. */
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`)
  }
}

/** Where a trace is checked against no store or machine of the model: an unknown id, or neither or both given. */
export class TraceTargetError extends Error {
  override readonly name = 'TraceTargetError'
}
