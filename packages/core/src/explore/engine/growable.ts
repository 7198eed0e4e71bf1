/** A Uint32Array that grows by half as numbers are pushed: compact lists of state indices. */
export class GrowableUint32Array {
  length = 0
  private items = new Uint32Array(1024)

  push(value: number): void {
    if (this.length === this.items.length) {
      const items = new Uint32Array(Math.ceil(this.items.length * 1.5))
      items.set(this.items)
      this.items = items
    }
    this.items[this.length++] = value
  }

  at(index: number): number {
    return this.items[index]!
  }
}
