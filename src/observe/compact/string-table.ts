// Distinct strings as dense ids: label values, names and paths repeat across hundreds of
// thousands of series, so the observe stage keeps each once and works on the ids.

export class StringTable {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  /** The id of `value`, adding it when new. */
  intern(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  /** The id of `value`, or -1 when it was never interned. */
  find(value: string): number {
    return this.ids.get(value) ?? -1;
  }

  value(id: number): string {
    return this.values[id]!;
  }

  get size(): number {
    return this.values.length;
  }
}
